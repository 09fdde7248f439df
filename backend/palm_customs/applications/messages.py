from __future__ import annotations

from palm_customs.core.i18n import Catalogue

MESSAGES: Catalogue = {
    "application.not_found": (
        "未找到该申请。",
        "找不到該申請。",
        "We could not find that application.",
    ),
    "application.item_not_found": (
        "未找到该办事事项。",
        "找不到該辦事事項。",
        "We could not find that service.",
    ),
    "application.not_online": (
        "该事项只能到现场办理，无法在线申请。",
        "該事項只能到現場辦理，無法在線申請。",
        "This service can only be handled on site, not online.",
    ),
    "application.wrong_state": (
        "该申请当前状态下不能进行此操作。",
        "該申請目前狀態下不能進行此操作。",
        "This cannot be done while the application is in its current state.",
    ),
    "application.not_a_member": (
        "您不是该企业的在册成员，不能代表其申请。",
        "您不是該企業的在冊成員，不能代表其申請。",
        "You are not an active member of that enterprise, so you cannot apply for it.",
    ),
    "application.own_application": (
        "不能审核本人或本人所在企业的申请。",
        "不能審核本人或本人所在企業的申請。",
        "You cannot review your own application or your enterprise's.",
    ),
    "application.same_reviewer": (
        "二级审核须由另一名关员办理。",
        "二級審核須由另一名關員辦理。",
        "The second-level review must be done by a different officer.",
    ),
    "application.not_your_department": (
        "此审核不属于您所在的部门。",
        "此審核不屬於您所在的部門。",
        "This review belongs to another department.",
    ),
    "application.already_claimed": (
        "此审核已被其他关员领取。",
        "此審核已被其他關員領取。",
        "Another officer has already claimed this review.",
    ),
    "application.not_claimed_by_you": (
        "请先领取此审核。",
        "請先領取此審核。",
        "Claim this review first.",
    ),
    "application.document_not_usable": (
        "该材料不可用（已过期、格式不符或不属于您）。",
        "該材料不可用（已過期、格式不符或不屬於您）。",
        "This document cannot be used (expired, wrong type, or not yours).",
    ),
    "application.nothing_changed": (
        "请先修改需要补正的内容再重新提交。",
        "請先修改需要補正的內容再重新提交。",
        "Change what the corrections ask for before resubmitting.",
    ),
    "application.draft_conflict": (
        "此申请草稿已在另一台设备上修改。请选择保留哪一个版本。",
        "此申請草稿已在另一部裝置上修改。請選擇保留哪一個版本。",
        "This application draft was changed on another device. Choose which version to keep.",
    ),
    "application.draft_too_large": (
        "草稿内容过多，请删减后再保存。",
        "草稿內容過多，請刪減後再儲存。",
        "The draft is too large. Remove something and save again.",
    ),
    "notify.prereview.title": (
        "申请 {number}：{status}",
        "申請 {number}：{status}",
        "Application {number}: {status}",
    ),
    "notify.prereview.body": ("{item}", "{item}", "{item}"),
    "status.in_review": ("审核中", "審核中", "in review"),
    "status.corrections_required": ("需要补正", "需要補正", "corrections required"),
    "status.passed": ("预审通过", "預審通過", "pre-review passed"),
    "status.rejected": ("未通过", "未通過", "rejected"),
    "status.withdrawn": ("已撤回", "已撤回", "withdrawn"),
    "field.form_data": ("表单", "表單", "the form"),
    "field.problem": ("问题说明", "問題說明", "what is wrong"),
    "field.action": ("整改要求", "整改要求", "what to do"),
    "field.target": ("补正对象", "補正對象", "the field or material"),
    "field.rating": ("评分", "評分", "the rating"),
    "field.comment": ("评价", "評價", "the comment"),
}
