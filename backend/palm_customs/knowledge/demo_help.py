"""Demo articles that answer the questions the forms ask (pwa/src/features/help/helpLinks.json
links each question to its article; tests/knowledge/test_help_links.py checks every link).

Same shape as knowledge/demo.py: simplified Chinese and English written here, traditional
Chinese converted from the simplified text when seeded.
"""

from __future__ import annotations

from palm_customs.knowledge.models import ArticleCategory

HELP_ARTICLES: tuple[
    tuple[str, ArticleCategory, tuple[str, str], tuple[str, str] | None, list[str], list[str]],
    ...,
] = (
    (
        "weapons-and-ammunition",
        ArticleCategory.TRAVEL,
        (
            "枪支弹药和管制刀具不得随身携带",
            "各种武器、仿真武器、弹药及爆炸物品禁止携带进境。管制刀具和仿真枪也不能放在行李中，"
            "发现后由海关依法处理。体育运动用枪须事先取得主管部门批准，并在申报通道申报。",
        ),
        (
            "Weapons, replica guns and ammunition",
            "Weapons, replica weapons, ammunition and explosives may not be brought into China."
            " Controlled knives and replica guns are seized. Sporting guns need prior approval"
            " from the authorities and must be declared in the red channel.",
        ),
        [],
        [],
    ),
    (
        "radio-transmitters",
        ArticleCategory.TRAVEL,
        (
            "无线电发射设备入境要申报",
            "对讲机、无线话筒、卫星电话等无线电发射设备入境时应主动申报，"
            "须取得无线电管理机构的型号核准，否则由海关暂扣或退运。手机和普通蓝牙耳机不在此列。",
        ),
        (
            "Radio transmitters such as walkie-talkies",
            "Walkie-talkies, wireless microphones, satellite phones and other radio transmitters"
            " must be declared on arrival and need type approval from the radio regulator;"
            " otherwise they are held or sent back. Mobile phones and ordinary Bluetooth"
            " earphones are not included.",
        ),
        [],
        [],
    ),
    (
        "printed-and-recorded-media",
        ArticleCategory.TRAVEL,
        (
            "书刊、光盘和存储介质的申报",
            "携带对中国政治、经济、文化、道德有害的印刷品、胶卷、光盘、存储介质禁止进境。"
            "个人阅读用的少量书刊可以携带；数量较多或内容存疑的，请在申报通道申报，由海关查验。",
        ),
        (
            "Books, discs and storage media",
            "Printed matter, films, discs and storage media harmful to China's politics,"
            " economy, culture or morals may not be brought in. A few books for your own reading"
            " are fine; many copies, or content you are unsure about, must be declared for"
            " inspection.",
        ),
        [],
        [],
    ),
    (
        "endangered-species",
        ArticleCategory.ANIMALS_PLANTS,
        (
            "濒危动植物及其制品",
            "象牙、犀牛角、穿山甲鳞片、红珊瑚、名贵木材等濒危物种及其制品，无《濒危野生动植物种国际贸易公约》允许进出口证明书的，"
            "禁止携带进出境。纪念品中含有此类材料的，请在申报通道申报。",
        ),
        (
            "Endangered species and products made from them",
            "Ivory, rhino horn, pangolin scales, red coral, rare timber and other endangered"
            " species or products made from them need a CITES permit to enter or leave China."
            " Declare souvenirs that may contain them in the red channel.",
        ),
        [],
        [],
    ),
    (
        "goods-for-sale",
        ArticleCategory.TRAVEL,
        (
            "行李中带有货样或准备出售的物品",
            "旅客行李物品以自用、合理数量为限。货样、广告品和准备出售的商品不属于个人物品，"
            "应在申报通道申报，按货物办理通关手续。多次往返、数量明显超出自用的，海关按货物处理。",
        ),
        (
            "Samples and goods for sale in your baggage",
            "Baggage is limited to reasonable quantities for your own use. Samples, advertising"
            " material and goods for sale are not personal articles: declare them in the red"
            " channel and clear them as goods.",
        ),
        [],
        [],
    ),
    (
        "choosing-a-duty-category",
        ArticleCategory.TAX,
        (
            "如何选择物品的税目",
            "行邮税按物品所属的税目计征：例如食品饮料、酒类、烟草、化妆品、手表、电子产品等各有税率。"
            "申报时选择最接近的税目，并填写完税价格；不确定时，可以按名称搜索税目，海关查验时会核定。",
        ),
        (
            "Choosing the duty category of an article",
            "Duty on personal articles depends on the category: food and drinks, alcohol,"
            " tobacco, cosmetics, watches and electronics each have their rate. Choose the"
            " closest category and give the value; if unsure, search the categories by name,"
            " and the officer confirms it on inspection.",
        ),
        [],
        ["other"],
    ),
    (
        "application-documents",
        ArticleCategory.ENTERPRISE,
        (
            "申请材料的格式和有效期",
            "申请材料可以拍照或上传PDF文件，每份不超过10MB，文字应清晰完整。"
            "有有效期的证件须在有效期内；已经提交过的材料可以从材料库中选用，不必重复上传。",
        ),
        (
            "Documents for an application: format and validity",
            "Upload each document as a photo or a PDF of up to 10 MB, with all text readable."
            " Documents that expire must still be valid. A document you sent before can be"
            " chosen from your saved documents instead of uploading it again.",
        ),
        [],
        [],
    ),
    (
        "pre-review-time-limits",
        ArticleCategory.APPOINTMENTS,
        (
            "预审通过后才能预约现场办理",
            "需要预审的事项，须先在线提交申请，海关在规定的工作日内完成预审。"
            "预审通过后，才能预约现场办理时间；预约时选择已通过的申请编号。预审要求补正的，按提示补正后重新提交。",
        ),
        (
            "Pre-review comes before booking a visit",
            "For services that need a pre-review, send the application online first; customs"
            " reviews it within a set number of working days. Once it has passed you can book"
            " a visit and choose that application number. If you are asked to fix something,"
            " correct it and send it again.",
        ),
        [],
        [],
    ),
    (
        "what-to-bring-to-the-hall",
        ArticleCategory.APPOINTMENTS,
        (
            "现场办理需要带什么",
            "请携带本人有效身份证件原件、预约二维码，以及申请中上传材料的原件。"
            "建议提前15分钟到达办事大厅，选择离你最近或时间最早的地点。",
        ),
        (
            "What to bring to the service hall",
            "Bring your original identity document, the booking QR code and the originals of"
            " the documents you uploaded. Arrive 15 minutes early; choose the hall nearest to"
            " you or the one with the earliest time.",
        ),
        [],
        [],
    ),
)
