from __future__ import annotations

from palm_customs.core.i18n import Catalogue

MESSAGES: Catalogue = {
    "feedback.not_found": (
        "没有找到该编号的事项，请核对编号和查询码。",
        "沒有找到該編號的事項，請核對編號和查詢碼。",
        "We found nothing with that reference. Check the reference and the tracking code.",
    ),
    "feedback.not_answered": (
        "该事项尚未答复，答复后才能公开。",
        "該事項尚未答覆，答覆後才能公開。",
        "This has not been answered yet. It can be published only once answered.",
    ),
    "feedback.no_consent": (
        "提交人未同意公开，不能发布到公开专栏。",
        "提交人未同意公開，不能發佈到公開專欄。",
        "The sender has not agreed to publication, so it cannot go in the public column.",
    ),
    "feedback.personal_data_left": (
        "文字中仍有个人信息（电话、证件号码或电子邮箱），请删除后再发布。",
        "文字中仍有個人資料（電話、證件號碼或電郵），請刪除後再發佈。",
        "The text still holds personal data (a phone number, an ID number or an email"
        " address). Remove it, then publish.",
    ),
    "feedback.already_published": (
        "该事项已在公开专栏发布。",
        "該事項已在公開專欄發佈。",
        "This is already in the public column.",
    ),
    "notify.feedback.title": (
        "你的{kind} {reference} 有了答复",
        "你的{kind} {reference} 有了答覆",
        "Your {kind} {reference} has an answer",
    ),
    "notify.feedback.body": ("{reply}", "{reply}", "{reply}"),
    "feedback.kind.feedback": ("意见", "意見", "feedback"),
    "feedback.kind.complaint": ("投诉", "投訴", "complaint"),
    "feedback.kind.suggestion": ("建议", "建議", "suggestion"),
    "feedback.kind.report": ("举报", "舉報", "report"),
}
