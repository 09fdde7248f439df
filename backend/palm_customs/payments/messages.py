from __future__ import annotations

from palm_customs.core.i18n import Catalogue

MESSAGES: Catalogue = {
    "payment.not_found": (
        "未找到该付款事项。",
        "找不到該付款事項。",
        "We could not find that payment.",
    ),
    "payment.nothing_due": (
        "目前没有需要缴纳的款项。",
        "目前沒有需要繳納的款項。",
        "There is nothing to pay at the moment.",
    ),
    "payment.assessment_changed": (
        "应缴金额已变更（申报已更新），请查看最新版本后再付款。",
        "應繳金額已變更（申報已更新），請查看最新版本後再付款。",
        "The amount due has changed (the declaration was updated). Open the latest version "
        "and pay from there.",
    ),
    "payment.in_progress": (
        "另一台设备正在为此付款，请刷新后继续。",
        "另一部裝置正在為此付款，請重新整理後繼續。",
        "A payment for this is in progress on another device. Refresh to continue it.",
    ),
    "payment.key_reused": (
        "此付款请求已用于其他事项，请重新开始付款。",
        "此付款請求已用於其他事項，請重新開始付款。",
        "This payment request was already used for something else. Start the payment again.",
    ),
    "payment.unavailable": (
        "暂时无法在线付款，请稍后再试或在现场缴纳。",
        "暫時無法在線付款，請稍後再試或在現場繳納。",
        "Online payment is not available right now. Try again later or pay on site.",
    ),
    "payment.receipt_invalid": (
        "这不是有效的海关付款凭证。",
        "這不是有效的海關付款憑證。",
        "This is not a valid customs payment receipt.",
    ),
    "payment.receipt_refunded": (
        "该付款凭证真实，但这笔付款已全额退款，不能作为已缴费的证明。",
        "該付款憑證真實，但這筆付款已全額退款，不能作為已繳費的證明。",
        "This receipt is genuine, but the payment was refunded in full: it no longer shows "
        "anything paid.",
    ),
    "payment.not_due_yet": (
        "该事项的费用在预审通过后缴纳，现在还不需要付款。",
        "該事項的費用在預審通過後繳納，現在還不需要付款。",
        "This service's fee is paid once the pre-review has passed. Nothing is due yet.",
    ),
    "payment.already_settled": (
        "该付款已有结果，无需再处理。",
        "該付款已有結果，無需再處理。",
        "This payment already has an outcome. There is nothing more to do.",
    ),
    "notify.payment.title.application": (
        "付款：申请 {number}",
        "付款：申請 {number}",
        "Payment: application {number}",
    ),
    "notify.payment.title": (
        "付款：申报 {number}",
        "付款：申報 {number}",
        "Payment: declaration {number}",
    ),
    "notify.payment.body.created": (
        "已创建付款单 {order}，金额 ¥{amount}。",
        "已建立付款單 {order}，金額 ¥{amount}。",
        "Payment {order} for ¥{amount} was created.",
    ),
    "notify.payment.body.pending": (
        "付款单 {order}（¥{amount}）等待支付。",
        "付款單 {order}（¥{amount}）等待支付。",
        "Payment {order} (¥{amount}) is waiting for you to pay.",
    ),
    "notify.payment.body.succeeded": (
        "已收到您的付款 ¥{amount}（{order}）。电子收据已可出示。",
        "已收到您的付款 ¥{amount}（{order}）。電子收據已可出示。",
        "We received your payment of ¥{amount} ({order}). Your e-receipt is ready to show.",
    ),
    "notify.payment.body.failed": (
        "付款 {order}（¥{amount}）未成功，未扣款。",
        "付款 {order}（¥{amount}）未成功，未扣款。",
        "Payment {order} (¥{amount}) did not go through. Nothing was charged.",
    ),
    "notify.payment.body.expired": (
        "付款单 {order}（¥{amount}）已过期，未扣款。如仍需缴纳，请重新付款。",
        "付款單 {order}（¥{amount}）已過期，未扣款。如仍需繳納，請重新付款。",
        "Payment {order} (¥{amount}) expired and nothing was charged. Pay again if "
        "something is still due.",
    ),
    "notify.payment.body.refunded": (
        "付款 {order} 已全额退款 ¥{amount}。",
        "付款 {order} 已全額退款 ¥{amount}。",
        "Payment {order} was refunded in full: ¥{amount}.",
    ),
    "notify.payment.body.refund_started": (
        "将退还 ¥{amount}（付款 {order}），原路退回。",
        "將退還 ¥{amount}（付款 {order}），原路退回。",
        "¥{amount} will be refunded to you (payment {order}), to the account you paid from.",
    ),
    "notify.payment.body.refund_done": (
        "已退还 ¥{amount}（付款 {order}）。",
        "已退還 ¥{amount}（付款 {order}）。",
        "¥{amount} was refunded to you (payment {order}).",
    ),
}
