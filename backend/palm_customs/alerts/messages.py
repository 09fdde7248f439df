from __future__ import annotations

from palm_customs.core.i18n import Catalogue

MESSAGES: Catalogue = {
    "alert.not_found": (
        "没有找到这条预警。",
        "沒有找到這條預警。",
        "We could not find that alert.",
    ),
    "alert.already_acknowledged": (
        "这条预警已有人确认。",
        "這條預警已有人確認。",
        "Someone has already acknowledged this alert.",
    ),
    "alert.rule.other_port_reads": (
        "多次查看非本口岸的申报",
        "多次查看非本口岸的申報",
        "Many declarations opened outside the officer's ports",
    ),
    "alert.rule.refusals": (
        "同一账户多次被拒绝操作",
        "同一賬戶多次被拒絕操作",
        "Many refused operations from one account",
    ),
    "alert.rule.after_hours_decisions": (
        "在工作时间以外作出决定",
        "在工作時間以外作出決定",
        "A decision taken outside working hours",
    ),
    "alert.not_an_officer": (
        "非海关人员账户",
        "非海關人員賬戶",
        "An account that is not an officer's",
    ),
    "field.note": ("备注", "備註", "the note"),
    "field.threshold": ("阈值", "閾值", "the threshold"),
    "field.window_minutes": ("时间窗口（分钟）", "時間窗口（分鐘）", "the window in minutes"),
    "field.hours_start": ("上班时间", "上班時間", "the start of working hours"),
    "field.hours_end": ("下班时间", "下班時間", "the end of working hours"),
}
