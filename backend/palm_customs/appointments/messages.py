from __future__ import annotations

from palm_customs.core.i18n import Catalogue

MESSAGES: Catalogue = {
    "appointment.ics.number": (
        "预约编号：{number}",
        "預約編號：{number}",
        "Booking number: {number}",
    ),
    "appointment.ics.application": (
        "申请编号：{number}",
        "申請編號：{number}",
        "Application number: {number}",
    ),
    "appointment.ics.address": ("地址：{address}", "地址：{address}", "Address: {address}"),
    "appointment.ics.bring": (
        "请携带：{materials}",
        "請攜帶：{materials}",
        "Bring: {materials}",
    ),
    "appointment.not_found": (
        "未找到该预约。",
        "找不到該預約。",
        "We could not find that appointment.",
    ),
    "appointment.site_not_found": (
        "未找到该服务地点。",
        "找不到該服務地點。",
        "We could not find that service location.",
    ),
    "appointment.slot_not_found": (
        "未找到该时段，请重新选择。",
        "找不到該時段，請重新選擇。",
        "We could not find that time. Choose another.",
    ),
    "appointment.slot_in_the_past": (
        "该时段已经过去，请选择之后的时间。",
        "該時段已經過去，請選擇之後的時間。",
        "That time has passed. Choose a later one.",
    ),
    "appointment.slot_closed": (
        "该时段已停止预约（服务地点闭馆），请选择其他时间。",
        "該時段已停止預約（服務地點閉館），請選擇其他時間。",
        "That time is closed for bookings (the location is closed). Choose another.",
    ),
    "appointment.slot_full": (
        "该时段刚刚约满。请从下面的其他时间中选择。",
        "該時段剛剛約滿。請從下面的其他時間中選擇。",
        "That time has just been fully booked. Choose one of the other times below.",
    ),
    "appointment.wrong_item": (
        "该时段不办理这项业务，请按业务重新选择时间。",
        "該時段不辦理這項業務，請按業務重新選擇時間。",
        "That time is for a different service. Choose a time for this service.",
    ),
    "appointment.same_slot": (
        "您已预约这个时段，请选择另一个时间。",
        "您已預約這個時段，請選擇另一個時間。",
        "You already have this time. Choose a different one.",
    ),
    "appointment.prereview_required": (
        "这项业务需先在网上提交申请并通过预审，再预约到现场办理。请填写申请编号。",
        "這項業務需先在網上提交申請並通過預審，再預約到現場辦理。請填寫申請編號。",
        "This service needs an application that has passed the online pre-review before "
        "you book. Enter your application number.",
    ),
    "appointment.prereview_not_passed": (
        "该申请尚未通过网上预审，通过后即可预约。",
        "該申請尚未通過網上預審，通過後即可預約。",
        "That application has not passed the online pre-review yet. You can book once it has.",
    ),
    "appointment.application_already_booked": (
        "该申请已有一个预约。如需换时间，请改约原预约。",
        "該申請已有一個預約。如需換時間，請改約原預約。",
        "That application already has an appointment. Reschedule it to change the time.",
    ),
    "appointment.too_many_bookings": (
        "每人最多可同时持有 {limit} 个预约（含待确认的候补和保留名额，按本人计算，不论使用几个"
        "账户）。请先取消或完成一个；最早一个于 {at} 结束后即可再约。",
        "每人最多可同時持有 {limit} 個預約（含待確認的候補和保留名額，按本人計算，不論使用幾個"
        "帳戶）。請先取消或完成一個；最早一個於 {at} 結束後即可再約。",
        "Each person can hold at most {limit} appointments at a time, counting offers and held "
        "times and all of your accounts. Cancel or attend one first; you can book again after "
        "your earliest one ends at {at}.",
    ),
    "appointment.one_seat_per_time": (
        "您在这个时间已有预约（{number}），每人同一时间只能占一个名额。请选择其他时间。",
        "您在這個時間已有預約（{number}），每人同一時間只能佔一個名額。請選擇其他時間。",
        "You already have an appointment at this time ({number}). Each person can hold one "
        "seat at a time. Choose another time.",
    ),
    "appointment.item_limit": (
        "这项业务每人最多可同时持有 {limit} 个预约（含待确认的名额）。{at} 之后可再约，"
        "或先取消一个。",
        "這項業務每人最多可同時持有 {limit} 個預約（含待確認的名額）。{at} 之後可再約，"
        "或先取消一個。",
        "Each person can hold at most {limit} appointments for this service at a time, "
        "counting offers. You can book again after {at}, or cancel one first.",
    ),
    "appointment.day_limit": (
        "每人每天最多可预约 {limit} 个名额，您在 {day} 已达上限。请选择其他日期。",
        "每人每天最多可預約 {limit} 個名額，您在 {day} 已達上限。請選擇其他日期。",
        "Each person can book at most {limit} appointments a day and you have reached that "
        "on {day}. Choose another day.",
    ),
    "appointment.reschedule_limit": (
        "这项业务在 {hours} 小时内最多可改约 {limit} 次，您已达上限。{at} 之后可再改约。",
        "這項業務在 {hours} 小時內最多可改約 {limit} 次，您已達上限。{at} 之後可再改約。",
        "You can reschedule this service at most {limit} times in {hours} hours and have "
        "reached that. You can reschedule again from {at}.",
    ),
    "appointment.rebook_limit": (
        "这项业务在 {hours} 小时内已取消 {limit} 次，为公平起见暂不能再预约。{at} 之后可再约。",
        "這項業務在 {hours} 小時內已取消 {limit} 次，為公平起見暫不能再預約。{at} 之後可再約。",
        "You have cancelled this service {limit} times in {hours} hours, so to keep it fair "
        "you can book it again from {at}.",
    ),
    "appointment.cooldown": (
        "由于近期多次预约未到，{until} 之前暂不能预约。",
        "由於近期多次預約未到，{until} 之前暫不能預約。",
        "Because you missed recent appointments, you can book again from {until}.",
    ),
    "appointment.draw_only": (
        "这段时间的名额通过公平抽签分配，不能直接预约。请在 {at} 前参加抽签，结果会通知您。",
        "這段時間的名額透過公平抽籤分配，不能直接預約。請在 {at} 前參加抽籤，結果會通知您。",
        "Seats at this time are given by a fair draw, not first come. Enter the draw before "
        "{at}; we will tell you the result.",
    ),
    "appointment.draw_not_found": (
        "未找到该抽签。",
        "找不到該抽籤。",
        "We could not find that draw.",
    ),
    "appointment.draw_closed": (
        "该抽签已截止报名。",
        "該抽籤已截止報名。",
        "Entries to that draw have closed.",
    ),
    "appointment.draw_already_entered": (
        "您已参加这次抽签（每人一次，不论使用几个账户）。",
        "您已參加這次抽籤（每人一次，不論使用幾個帳戶）。",
        "You have already entered this draw (once per person, whichever account you use).",
    ),
    "appointment.not_verified": (
        "参加抽签需要已登记并核验的身份证件。请在个人资料中登记证件。",
        "參加抽籤需要已登記並核驗的身分證件。請在個人資料中登記證件。",
        "Entering a draw needs a registered, checked identity document. Add it to your profile.",
    ),
    "appointment.identity_not_verified": (
        "此事项名额最紧张，只有身份证件经过真实核验的人才能预约或参加抽签（仅校验位正确还不够）。"
        "请带证件到任一办事窗口请工作人员核验，或在“我的 › 实名核验”中在线核验，然后再试。",
        "此事項名額最緊張，只有身分證件經過真實核驗的人才能預約或參加抽籤（僅校驗碼正確還不夠）。"
        "請帶證件到任一辦事窗口請工作人員核驗，或在「我的 › 實名核驗」中線上核驗，然後再試。",
        "This item's seats are the scarcest: only a person whose identity document had a real "
        "check may book it or enter its draw (valid check digits are not enough). Show the "
        "document to an officer at any service window, or verify online under Me › Real-name "
        "verification, then try again.",
    ),
    "appointment.not_active": (
        "该预约已取消、改约或完成，无法再操作。",
        "該預約已取消、改約或完成，無法再操作。",
        "That appointment was cancelled, moved or completed, so it cannot be changed.",
    ),
    "appointment.cut_off_passed": (
        "开始前 {hours} 小时内不能取消或改约。如无法前来，请选择“无法前来”。",
        "開始前 {hours} 小時內不能取消或改約。如無法前來，請選擇「無法前來」。",
        "You cannot cancel or move an appointment less than {hours} hours before it. "
        "If you cannot come, choose “I can't come”.",
    ),
    "appointment.offer_expired": (
        "这个空位的保留时间已过。",
        "這個空位的保留時間已過。",
        "The time to accept this seat has run out.",
    ),
    "appointment.already_waiting": (
        "您已在这项业务的候补名单中。",
        "您已在這項業務的候補名單中。",
        "You are already on the waiting list for this service.",
    ),
    "appointment.credential_malformed": (
        "这不是掌上海关的预约二维码。",
        "這不是掌上海關的預約二維碼。",
        "This is not a Palm Customs appointment code.",
    ),
    "appointment.credential_tampered": (
        "二维码已被篡改，签名无效。",
        "二維碼已被竄改，簽名無效。",
        "This code has been altered: its signature is not valid.",
    ),
    "appointment.credential_unknown_key": (
        "二维码的签名密钥未知。",
        "二維碼的簽名金鑰未知。",
        "This code was signed with an unknown key.",
    ),
    "appointment.credential_expired": (
        "此预约二维码已过期。",
        "此預約二維碼已過期。",
        "This appointment code has expired.",
    ),
    "appointment.not_today": (
        "该预约不是今天的，只能在预约当天签到。",
        "該預約不是今天的，只能在預約當天簽到。",
        "This appointment is not for today. Check-in is on the day only.",
    ),
    "appointment.already_checked_in": (
        "已经签到，排队号 {queue}。",
        "已經簽到，排隊號 {queue}。",
        "Already checked in, queue number {queue}.",
    ),
    "appointment.not_checked_in": (
        "此人尚未签到。",
        "此人尚未簽到。",
        "This person has not checked in.",
    ),
    "appointment.queue_empty": (
        "目前没有等候这个窗口的人。",
        "目前沒有等候這個窗口的人。",
        "Nobody is waiting for this window.",
    ),
    "appointment.other_site": (
        "该预约或服务地点不属于您所在的单位（{site}）。请让申请人前往预约的地点，或由该地点的关员办理。",
        "該預約或服務地點不屬於您所在的單位（{site}）。請讓申請人前往預約的地點，或由該地點的關員辦理。",
        "This appointment or location is not at your site ({site}). The person should go to "
        "the site they booked, where its officers can help.",
    ),
    "appointment.window_not_found": (
        "未找到该窗口。",
        "找不到該窗口。",
        "We could not find that window.",
    ),
    "appointment.too_early": (
        "开始后 {minutes} 分钟才能记为未到。",
        "開始後 {minutes} 分鐘才能記為未到。",
        "You can record a no-show {minutes} minutes after the start.",
    ),
    "appointment.idempotency_conflict": (
        "这个请求编号已用于另一次签到。",
        "這個請求編號已用於另一次簽到。",
        "This request key was already used for another check-in.",
    ),
    "appointment.update.confirmed": (
        "预约已确认。",
        "預約已確認。",
        "Your appointment is confirmed.",
    ),
    "appointment.update.checked_in": (
        "已签到，您的排队号是 {queue}。请留意叫号。",
        "已簽到，您的排隊號是 {queue}。請留意叫號。",
        "Checked in. Your queue number is {queue}. Watch for your turn.",
    ),
    "appointment.update.called": (
        "轮到您了，请到 {window} 号窗口。",
        "輪到您了，請到 {window} 號窗口。",
        "Your turn: please go to window {window}.",
    ),
    "appointment.update.served": ("办理完毕，谢谢。", "辦理完畢，謝謝。", "Done. Thank you."),
    "appointment.update.ended": (
        "此预约已结束。",
        "此預約已結束。",
        "This appointment has ended.",
    ),
    "notify.appointment.called.title": (
        "轮到您了：{window} 号窗口",
        "輪到您了：{window} 號窗口",
        "Your turn: window {window}",
    ),
    "notify.appointment.called.body": (
        "请前往 {window} 号窗口办理，预约号 {number}。",
        "請前往 {window} 號窗口辦理，預約號 {number}。",
        "Please go to window {window} now. Booking {number}.",
    ),
    "notify.appointment.booked.title": (
        "预约成功：{when}",
        "預約成功：{when}",
        "Appointment booked: {when}",
    ),
    "notify.appointment.booked.body": (
        "{site_zh}，预约号 {number}。到场时请出示预约二维码。",
        "{site_hant}，預約號 {number}。到場時請出示預約二維碼。",
        "{site}, booking {number}. Show your booking QR code when you arrive.",
    ),
    "notify.appointment.offer.title": (
        "有更早的空位：{when}",
        "有更早的空位：{when}",
        "An earlier time is free: {when}",
    ),
    "notify.appointment.offer.body": (
        "{site_zh}的空位为您保留 {minutes} 分钟，请尽快确认。",
        "{site_hant}的空位為您保留 {minutes} 分鐘，請盡快確認。",
        "A seat at {site} is held for you for {minutes} minutes. Confirm it to take it.",
    ),
    "notify.appointment.draw_won.title": (
        "抽签中签：{when}",
        "抽籤中籤：{when}",
        "You won a seat in the draw: {when}",
    ),
    "notify.appointment.draw_won.body": (
        "{site_zh}的名额为您保留至 {until}，请在此之前确认，否则将转给下一位。",
        "{site_hant}的名額為您保留至 {until}，請在此之前確認，否則將轉給下一位。",
        "A seat at {site} is held for you until {until}. Confirm it by then or it goes to "
        "the next person.",
    ),
    "notify.appointment.draw_lost.title": (
        "抽签未中",
        "抽籤未中",
        "Not drawn this time",
    ),
    "notify.appointment.draw_lost.body": (
        "{site_zh} {from} 至 {to} 的名额已全部抽出，您这次未中签。可登记候补或参加下一次抽签。",
        "{site_hant} {from} 至 {to} 的名額已全部抽出，您這次未中籤。可登記候補或參加下一次抽籤。",
        "Every seat at {site} from {from} to {to} has been drawn and yours was not among "
        "them this time. You can join the waiting list or enter the next draw.",
    ),
    "notify.appointment.offer_lapsed.title": (
        "保留的空位已过期：{when}",
        "保留的空位已過期：{when}",
        "The seat held for you has gone: {when}",
    ),
    "notify.appointment.offer_lapsed.body": (
        "{site_zh}为您保留的空位未在时限内确认，已转给下一位。您已不在候补名单中；"
        "如仍需更早的时间，请重新登记候补。",
        "{site_hant}為您保留的空位未在時限內確認，已轉給下一位。您已不在候補名單中；"
        "如仍需更早的時間，請重新登記候補。",
        "The seat at {site} held for you was not confirmed in time and has gone to the next "
        "person. You are no longer on the waiting list: join it again if you still want an "
        "earlier time.",
    ),
    "notify.appointment.offer_lapsed_waiting.title": (
        "保留的空位已过期：{when}",
        "保留的空位已過期：{when}",
        "The seat held for you has gone: {when}",
    ),
    "notify.appointment.offer_lapsed_waiting.body": (
        "{site_zh}为您保留的空位未在时限内确认，已转给下一位。您仍在候补名单中，"
        "有空位时会再通知您。",
        "{site_hant}為您保留的空位未在時限內確認，已轉給下一位。您仍在候補名單中，"
        "有空位時會再通知您。",
        "The seat at {site} held for you was not confirmed in time and has gone to the next "
        "person. You are still on the waiting list: we will tell you when a seat comes free.",
    ),
    "notify.appointment.reminder_24h.title": (
        "明天的预约：{when}",
        "明天的預約：{when}",
        "Your appointment tomorrow: {when}",
    ),
    "notify.appointment.reminder_24h.body": (
        "{site_zh}，预约号 {number}。如不能前来，请提前取消。",
        "{site_hant}，預約號 {number}。如不能前來，請提前取消。",
        "{site}, booking {number}. If you cannot come, cancel in advance.",
    ),
    "notify.appointment.reminder_2h.title": (
        "2 小时后的预约：{when}",
        "2 小時後的預約：{when}",
        "Your appointment in 2 hours: {when}",
    ),
    "notify.appointment.reminder_2h.body": (
        "{site_zh}，预约号 {number}。请带齐原件。",
        "{site_hant}，預約號 {number}。請帶齊正本。",
        "{site}, booking {number}. Bring the original documents.",
    ),
    "notify.appointment.closed.title": (
        "预约已取消：{when}",
        "預約已取消：{when}",
        "Appointment cancelled: {when}",
    ),
    "notify.appointment.closed.body": (
        "{site_zh}临时闭馆（{reason_zh}），预约 {number} 已取消。"
        "如有空余时间，我们会先为您保留最早的一个并立即通知您；否则请重新预约。",
        "{site_hant}臨時閉館（{reason_hant}），預約 {number} 已取消。"
        "如有空餘時間，我們會先為您保留最早的一個並立即通知您；否則請重新預約。",
        "{site} is closed ({reason}), so booking {number} is cancelled. If a time is free, we "
        "hold the earliest one for you before anyone else and tell you at once; otherwise "
        "please book again.",
    ),
    "notify.appointment.rebook_held.title": (
        "已为您保留新的时间：{when}",
        "已為您保留新的時間：{when}",
        "A new time is held for you: {when}",
    ),
    "notify.appointment.rebook_held.body": (
        "因闭馆取消了预约 {cancelled}，我们在{site_zh}为您保留了 {when}，保留至 {until}。"
        "请在应用中确认，或另选时间。",
        "因閉館取消了預約 {cancelled}，我們在{site_hant}為您保留了 {when}，保留至 {until}。"
        "請在應用程式中確認，或另選時間。",
        "Booking {cancelled} was cancelled by a closure, so we are holding {when} at {site} "
        "for you until {until}. Confirm it in the app, or choose another time.",
    ),
    "notify.appointment.rebook_lapsed.title": (
        "保留的时间已释放",
        "保留的時間已釋放",
        "The time held for you was released",
    ),
    "notify.appointment.rebook_lapsed.body": (
        "{site_zh} {when} 的保留时间未在时限内确认，现已开放给其他人。请在方便时重新预约。",
        "{site_hant} {when} 的保留時間未在時限內確認，現已開放給其他人。請在方便時重新預約。",
        "The time at {site} on {when} held for you was not confirmed in time and is open to "
        "others again. Please book again when it suits you.",
    ),
}

# Field labels are shared words: another domain may already name the same field (the
# first definition is kept; palm_customs/registry.py).
LABELS: Catalogue = {
    "field.slot_id": ("预约时段", "預約時段", "the time"),
    "field.item_code": ("业务", "業務", "the service"),
    "field.application_id": ("申请编号", "申請編號", "the application number"),
    "field.booking_id": ("预约", "預約", "the appointment"),
    "field.earlier_than": ("最晚时间", "最晚時間", "the latest time"),
    "field.site_id": ("服务地点", "服務地點", "the location"),
    "field.max_distance_km": ("距离", "距離", "the distance"),
    "field.minutes": ("分钟数", "分鐘數", "the minutes"),
    "field.window_number": ("窗口号", "窗口號", "the window number"),
    "field.ends_at": ("结束时间", "結束時間", "the end time"),
    "field.entry_id": ("候补登记", "候補登記", "the waiting list entry"),
    "field.credential": ("二维码", "二維碼", "the QR code"),
    "field.number": ("预约号", "預約號", "the booking number"),
}
