from __future__ import annotations

from palm_customs.core.i18n import Catalogue

MESSAGES: Catalogue = {
    "rating.not_found": (
        "没有找到你的这条记录。",
        "沒有找到你的這條記錄。",
        "We could not find that among your records.",
    ),
    "rating.not_completed": (
        "办结后才能评价。",
        "辦結後才能評價。",
        "You can rate it once it is completed.",
    ),
    "rating.change_closed": (
        "评价提交超过 7 天，不能再修改。",
        "評價提交超過 7 天，不能再修改。",
        "Ratings can be changed for 7 days only.",
    ),
}
