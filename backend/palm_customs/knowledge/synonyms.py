"""Customs words people type and the words the texts use, kept as data.

Each group lists terms that mean the same thing to someone searching (abbreviations, plain
words, the other script, English). A query that contains one term of a group also looks for
all the others. Write terms as people write them: the analyser folds traditional characters,
case and English inflections (so 行郵, "Perfumes" and "perfume" are the same key).
Add a group here rather than teaching the code a special case.
"""

from __future__ import annotations

GROUPS: tuple[tuple[str, ...], ...] = (
    # Passenger and postal articles: 行邮 is the customs abbreviation of both.
    ("行邮", "行李物品", "邮递物品", "进境物品", "postal articles", "personal articles"),
    ("邮递物品", "邮寄", "邮包", "包裹", "快件", "parcel", "post", "postal", "mail"),
    ("行李", "行李物品", "随身物品", "baggage", "luggage"),
    # Tax refunds and duty.
    ("退税", "退还税款", "多缴税款退还", "税款退还", "tax refund", "duty refund", "refund"),
    ("行邮税", "进境物品进口税", "行李和邮递物品进口税", "personal postal articles tax"),
    ("关税", "税款", "进口税", "税费", "duty", "tax", "customs duty"),
    (
        "免税",
        "免征",
        "免税额度",
        "不用交税",
        "不交税",
        "不用缴税",
        "duty free",
        "duty-free",
        "tax free",
        "allowance",
    ),
    ("减免税", "减税", "免税审批", "duty exemption", "tax exemption"),
    # Pets and animals.
    ("宠物", "猫", "狗", "犬", "pet", "pets", "cat", "dog"),
    ("检疫", "动植物检疫", "quarantine"),
    ("疫苗", "狂犬病疫苗", "免疫证书", "vaccination", "rabies"),
    # Cosmetics and perfume.
    ("香水", "perfume", "fragrance", "cologne", "化妆品", "cosmetics", "护肤品", "skin care"),
    ("化妆品", "彩妆", "口红", "make-up", "makeup", "lipstick", "cosmetics"),
    # Goods travellers ask about.
    ("烟", "香烟", "卷烟", "雪茄", "烟草", "tobacco", "cigarette", "cigar"),
    ("酒", "白酒", "葡萄酒", "红酒", "啤酒", "alcohol", "wine", "liquor", "spirits", "beer"),
    ("手机", "电话", "mobile phone", "smartphone", "phone"),
    ("电脑", "笔记本电脑", "计算机", "laptop", "computer", "notebook"),
    ("相机", "照相机", "摄像机", "camera"),
    ("手表", "腕表", "watch", "watches"),
    ("金条", "黄金", "gold"),
    ("现金", "外币", "人民币", "cash", "currency", "money"),
    ("药品", "药", "中药", "medicine", "drug", "medication"),
    ("食品", "食物", "零食", "food", "snack"),
    ("水果", "新鲜水果", "fruit"),
    ("肉", "肉类", "肉制品", "meat", "sausage"),
    ("文物", "古董", "古玩", "cultural relic", "antique"),
    # Procedures.
    ("申报", "报关", "declare", "declaration"),
    ("报关单位", "报关企业", "报关行", "customs broker", "declarant"),
    ("备案", "注册", "登记", "registration", "register"),
    ("加工贸易", "来料加工", "进料加工", "processing trade"),
    ("手册", "账册", "manual"),
    ("保税", "保税仓", "保税仓库", "bonded", "bonded warehouse"),
    ("原产地", "原产地证", "产地证", "certificate of origin", "origin"),
    (
        "暂时进出境",
        "暂时进境",
        "ata单证册",
        "单证册",
        "temporary admission",
        "ata carnet",
        "carnet",
    ),
    ("aeo", "高级认证", "认证企业", "authorised economic operator", "authorized economic operator"),
    ("归类", "预归类", "商品归类", "hs编码", "classification", "tariff code", "hs code"),
    ("咨询", "12360", "热线", "enquiry", "inquiry", "hotline", "question"),
    ("投诉", "举报", "complaint", "report"),
    ("预约", "挂号", "appointment", "booking"),
    ("入境", "进境", "回国", "entry", "arrival", "arriving"),
    ("出境", "离境", "exit", "departure", "leaving"),
)
