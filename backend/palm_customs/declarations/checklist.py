"""Restricted and prohibited goods a traveller is asked about, with plain-language guidance.

Guidance paraphrases the public rules (PRC Customs Law; the Law on the Entry and Exit Animal
and Plant Quarantine and its catalogue of prohibited articles; the Cultural Relics Protection
Law; the Regulations on Radio Administration). A "yes" sends the traveller to the red channel.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    code: str
    question: tuple[str, str, str]  # zh-Hans, zh-Hant, en
    guidance: tuple[str, str, str]


CHECKLIST: tuple[ChecklistItem, ...] = (
    ChecklistItem(
        "animals_plants",
        (
            "您是否携带活动物、植物、种子、土壤或其产品？",
            "您是否攜帶活動物、植物、種子、泥土或其產品？",
            "Are you carrying live animals, plants, seeds, soil or products made from them?",
        ),
        (
            "活动物（伴侣犬、猫除外）、植物种子苗木、土壤等禁止携带入境。伴侣宠物须有检疫证书和疫苗证明，请走申报通道。",
            "活動物（伴侶犬、貓除外）、植物種子苗木、泥土等禁止攜帶入境。伴侶寵物須有檢疫證書和疫苗證明，請走申報通道。",
            "Live animals (other than a pet dog or cat), seeds, seedlings and soil may not be "
            "brought in. A pet needs its health certificate and vaccination record: use the "
            "declare channel.",
        ),
    ),
    ChecklistItem(
        "meat_dairy_food",
        (
            "您是否携带肉类、蛋类、乳制品、新鲜水果或蔬菜？",
            "您是否攜帶肉類、蛋類、乳製品、新鮮水果或蔬菜？",
            "Are you carrying meat, eggs, dairy products, fresh fruit or vegetables?",
        ),
        (
            "鲜肉、肉制品、蛋、生乳、新鲜水果和蔬菜禁止入境；请在申报通道交海关处理。",
            "鮮肉、肉製品、蛋、生乳、新鮮水果和蔬菜禁止入境；請在申報通道交海關處理。",
            "Fresh or processed meat, eggs, raw milk, fresh fruit and vegetables are not allowed "
            "in. Hand them to customs in the declare channel.",
        ),
    ),
    ChecklistItem(
        "cultural_relics",
        (
            "您是否携带文物、古董或珍贵艺术品？",
            "您是否攜帶文物、古董或珍貴藝術品？",
            "Are you carrying cultural relics, antiques or valuable works of art?",
        ),
        (
            "文物出境须有文物出境许可证明；入境携带的文物请申报，以便日后复出境。",
            "文物出境須有文物出境許可證明；入境攜帶的文物請申報，以便日後復出境。",
            "Relics leaving the country need an export permit. Declare relics you bring in so "
            "they can leave again later.",
        ),
    ),
    ChecklistItem(
        "weapons",
        (
            "您是否携带武器、仿真武器、弹药或爆炸物？",
            "您是否攜帶武器、仿真武器、彈藥或爆炸物？",
            "Are you carrying weapons, replica weapons, ammunition or explosives?",
        ),
        (
            "各种武器、仿真武器、弹药及爆炸物品禁止携带进出境。",
            "各種武器、仿真武器、彈藥及爆炸物品禁止攜帶進出境。",
            "Weapons, replicas, ammunition and explosives may not be carried in or out.",
        ),
    ),
    ChecklistItem(
        "drugs_medicines",
        (
            "您是否携带麻醉药品、精神药品或大量药品？",
            "您是否攜帶麻醉藥品、精神藥品或大量藥品？",
            "Are you carrying narcotic or psychotropic medicines, or a large quantity of medicine?",
        ),
        (
            "毒品严禁携带。个人自用的含麻醉或精神药品成分的药物须有医生处方，并以自用合理数量为限。",
            "毒品嚴禁攜帶。個人自用的含麻醉或精神藥品成分的藥物須有醫生處方，並以自用合理數量為限。",
            "Illegal drugs are forbidden. Medicines with narcotic or psychotropic ingredients need "
            "a prescription and a reasonable quantity for your own use.",
        ),
    ),
    ChecklistItem(
        "radio_transmitters",
        (
            "您是否携带无线电发射设备（如对讲机、无人机遥控器以外的发射器）？",
            "您是否攜帶無線電發射設備（如對講機、無人機遙控器以外的發射器）？",
            "Are you carrying radio transmitters (such as walkie-talkies or other transmitters)?",
        ),
        (
            "无线电发射设备须经核准方可入境使用，请申报。",
            "無線電發射設備須經核准方可入境使用，請申報。",
            "Radio transmitters need approval before they can be used here: declare them.",
        ),
    ),
    ChecklistItem(
        "printed_media",
        (
            "您是否携带可能危害国家安全或社会公德的印刷品、音像制品或存储介质？",
            "您是否攜帶可能危害國家安全或社會公德的印刷品、音像製品或儲存媒體？",
            "Are you carrying printed matter, recordings or storage media that may be prohibited?",
        ),
        (
            "对国家政治、经济、文化、道德有害的印刷品、音像制品禁止入境；不确定时请申报。",
            "對國家政治、經濟、文化、道德有害的印刷品、音像製品禁止入境；不確定時請申報。",
            "Publications and recordings harmful to the state or public morals are prohibited. "
            "If you are unsure, declare them.",
        ),
    ),
    ChecklistItem(
        "endangered_species",
        (
            "您是否携带濒危动植物及其制品（如象牙、犀角、珊瑚）？",
            "您是否攜帶瀕危動植物及其製品（如象牙、犀角、珊瑚）？",
            "Are you carrying endangered species or products made from them (ivory, rhino horn, "
            "coral)?",
        ),
        (
            "濒危物种及其制品须有允许进出口证明书，否则禁止携带。",
            "瀕危物種及其製品須有允許進出口證明書，否則禁止攜帶。",
            "Endangered species and their products need a CITES permit; without one they are "
            "not allowed.",
        ),
    ),
    ChecklistItem(
        "goods_for_sale",
        (
            "您是否携带货物、货样、广告品或非自用物品？",
            "您是否攜帶貨物、貨樣、廣告品或非自用物品？",
            "Are you carrying goods, samples or articles that are not for your own use?",
        ),
        (
            "非个人自用的货物、货样须按货物办理海关手续。",
            "非個人自用的貨物、貨樣須按貨物辦理海關手續。",
            "Goods and samples not for your own use must be cleared as cargo.",
        ),
    ),
)

CODES = frozenset(item.code for item in CHECKLIST)
