"""The seed rules and exchange rates: what a new installation and the tests start from.

Long (one data literal of every tax category, allowance and limit, with the legal basis of
each): it is read as data, not as code, and splitting the dict would only scatter it.
"""

from __future__ import annotations

from typing import Any

from palm_customs.declarations.rules.model import ExchangeRateTable, RuleSet

# --- Seed data ------------------------------------------------------------------------------

_ALLOWANCE_BASIS = (
    "海关总署公告2010年第54号 (GACC Announcement No. 54 of 2010): residents' articles acquired "
    "abroad up to RMB 5,000, non-residents' articles staying in China up to RMB 2,000, are "
    "exempt; over that only the articles in excess are taxed, a single indivisible article in "
    "full."
)
_LIMIT_BASIS = (
    "海关总署公告2010年第54号: alcoholic drinks of 12 % vol or more 1,500 ml; cigarettes 400 "
    "sticks or cigars 100 or pipe tobacco 500 g; travellers under 16 have no such allowance."
)
_DUTY_FREE_BASIS = (
    "财政部 商务部 海关总署 国家税务总局 国家旅游局公告2016年第19号 and 财关税〔2016〕8号 "
    "(口岸进境免税店管理暂行办法): residents may add purchases in an arrival duty-free shop, "
    "exempt together with the articles acquired abroad up to RMB 8,000 in all; the RMB 5,000 "
    "allowance for articles acquired abroad is unchanged."
)
_HK_MACAU_ALLOWANCE_BASIS = (
    "财政部 海关总署 税务总局关于提高自香港澳门进境居民旅客携带行李物品免税额度的公告 (28 June "
    "2024): residents aged 18 or more arriving from Hong Kong or Macau, RMB 12,000; with "
    "purchases in an arrival duty-free shop, RMB 15,000 in all; from 1 July 2024 at Luohu, "
    "Futian, Shenzhen Bay, West Kowloon, Gongbei and the HZMB Zhuhai port, from 1 August 2024 "
    "at every port of entry."
)
_HK_MACAU_LIMIT_BASIS = (
    "海关总署令第58号 and (88)署行字第980号: Hong Kong and Macau residents, and mainland "
    "residents travelling there privately, 200 cigarettes or 50 cigars or 250 g of pipe "
    "tobacco, and one bottle (0.75 l or less) of drinks of 12 % vol or more."
)
_FREQUENT_LIMIT_BASIS = (
    "(88)署行字第980号: travellers crossing to and from Hong Kong or Macau the same day or "
    "often: 40 cigarettes (once a day) or 5 cigars or 40 g of pipe tobacco; no alcohol free of "
    "duty."
)
_TWENTY_GOODS_BASIS = (
    '海关总署公告2010年第54号: the allowance does not cover tobacco, alcohol and "the 20 kinds '
    'of goods the State taxes" (国家规定应当征税的20种商品: televisions, video cameras and '
    "recorders, audio equipment, air conditioners, refrigerators, washing machines, cameras, "
    "photocopiers, telephone exchanges, computers and peripherals, telephones, pagers, fax "
    "machines, calculators, printers, furniture, lamps, foodstuffs): these are taxed even "
    "within the allowance."
)
_CHOICE_BASIS = (
    '海关总署公告2010年第54号 taxes "only the articles in excess" (仅对超出部分的个人自用物品'
    "征税) and a single indivisible article in full, so the allowance exempts whole articles, "
    "never part of one. The announcement does not say which articles are the ones in excess; "
    "this estimate exempts the set of whole articles, within the allowance, that saves the "
    "traveller the most duty (exactly, not greedily). The officer's assessment is final."
)
_WATCH_BAND_BASIS = (
    "税委会〔2019〕17号 (进境物品进口税率表): watches with a dutiable value of RMB 10,000 or "
    "more each are in 税目3 (50 %); below that in 税目2 (20 %)."
)
_COSMETICS_BAND_BASIS = (
    "税委会〔2019〕17号 税目3 covers 高档化妆品; 财税〔2016〕103号 defines them as selling at "
    "RMB 10 or more per ml or g (or RMB 15 or more per sheet, not modelled here): below "
    "that, 税目2 "
    "(20 %)."
)

SEED_RULES: dict[str, Any] = {
    "version": "cn-passenger-2024-08-01.2",
    "effective_from": "2024-08-01",
    "effective_to": None,
    "source": (
        "海关总署公告2010年第54号; 国务院关税税则委员会 税委会〔2019〕17号 (rates of the "
        "import tax on articles, effective 2019-04-09); 汇发〔2003〕102号; 中国人民银行公告"
        "〔2004〕第18号"
    ),
    "rates_basis": (
        "税委会〔2019〕17号: import tax on inbound articles 13 % / 20 % / 50 %, "
        "effective 2019-04-09"
    ),
    "allowances": [
        {
            "direction": "arriving",
            "residency": "resident",
            "amount_cny": "5000.00",
            "basis": _ALLOWANCE_BASIS,
            "with_duty_free_cny": "8000.00",
            "duty_free_basis": _DUTY_FREE_BASIS,
            "origin": "any",
            "min_age": 0,
        },
        {
            "direction": "arriving",
            "residency": "resident",
            "amount_cny": "12000.00",
            "basis": _HK_MACAU_ALLOWANCE_BASIS,
            "with_duty_free_cny": "15000.00",
            "duty_free_basis": _HK_MACAU_ALLOWANCE_BASIS,
            "origin": "hk_macau",
            "min_age": 18,
        },
        {
            "direction": "arriving",
            "residency": "non_resident",
            "amount_cny": "2000.00",
            "basis": _ALLOWANCE_BASIS,
            "with_duty_free_cny": None,
            "duty_free_basis": "",
            "origin": "any",
            "min_age": 0,
        },
    ],
    "categories": [
        # 13 % (税目1)
        {
            "code": "food",
            "name": {"zh-Hans": "食品", "zh-Hant": "食品", "en": "Food"},
            "examples": {
                "zh-Hans": "糖果、巧克力、奶粉",
                "zh-Hant": "糖果、朱古力、奶粉",
                "en": "sweets, chocolate, milk powder",
            },
            "rate": "0.13",
            "limit_kind": None,
            "value_band": None,
            "synonyms": [
                "snacks",
                "sweets",
                "candy",
                "chocolate",
                "milk powder",
                "formula",
                "零食",
                "糖果",
                "奶粉",
                "巧克力",
                "朱古力",
            ],
            "taxed_within_allowance": "",
        },
        {
            "code": "drinks",
            "name": {
                "zh-Hans": "饮料（不含酒）",
                "zh-Hant": "飲料（不含酒）",
                "en": "Drinks (not alcohol)",
            },
            "examples": {
                "zh-Hans": "茶叶、咖啡、果汁",
                "zh-Hant": "茶葉、咖啡、果汁",
                "en": "tea, coffee, juice",
            },
            "rate": "0.13",
            "limit_kind": None,
            "value_band": None,
            "synonyms": ["tea", "coffee", "juice", "茶叶", "咖啡", "果汁", "茶葉"],
            "taxed_within_allowance": "",
        },
        {
            "code": "books",
            "name": {"zh-Hans": "书报刊物", "zh-Hant": "書報刊物", "en": "Books and periodicals"},
            "examples": {
                "zh-Hans": "图书、杂志、教育用影视资料",
                "zh-Hant": "圖書、雜誌、教育用影視資料",
                "en": "books, magazines, educational films",
            },
            "rate": "0.13",
            "limit_kind": None,
            "value_band": None,
            "synonyms": ["book", "magazine", "newspaper", "书", "杂志", "書", "雜誌"],
            "taxed_within_allowance": "",
        },
        {
            "code": "computers",
            "name": {"zh-Hans": "计算机", "zh-Hant": "電腦", "en": "Computers"},
            "examples": {
                "zh-Hans": "笔记本电脑、平板电脑",
                "zh-Hant": "筆記型電腦、平板電腦",
                "en": "laptops, tablets",
            },
            "rate": "0.13",
            "limit_kind": None,
            "value_band": None,
            "synonyms": [
                "laptop",
                "notebook",
                "tablet",
                "ipad",
                "pc",
                "computer",
                "电脑",
                "笔记本",
                "平板",
                "電腦",
                "筆電",
                "平板電腦",
            ],
            "taxed_within_allowance": _TWENTY_GOODS_BASIS,
        },
        {
            "code": "cameras",
            "name": {"zh-Hans": "照相机、摄像机", "zh-Hant": "相機、攝錄機", "en": "Cameras"},
            "examples": {
                "zh-Hans": "数字照相机、视频摄录一体机",
                "zh-Hant": "數碼相機、攝錄一體機",
                "en": "digital cameras, camcorders",
            },
            "rate": "0.13",
            "limit_kind": None,
            "value_band": None,
            "synonyms": ["camera", "camcorder", "lens", "相机", "镜头", "相機", "鏡頭", "攝影機"],
            "taxed_within_allowance": _TWENTY_GOODS_BASIS,
        },
        {
            "code": "phones",
            "name": {"zh-Hans": "手机", "zh-Hant": "手機", "en": "Mobile phones"},
            "examples": {
                "zh-Hans": "智能手机",
                "zh-Hant": "智能手機",
                "en": "smartphones",
            },
            "rate": "0.13",
            "limit_kind": None,
            "value_band": None,
            "synonyms": [
                "phone",
                "smartphone",
                "mobile",
                "iphone",
                "cell phone",
                "手机",
                "電話",
                "手機",
                "电话",
            ],
            "taxed_within_allowance": _TWENTY_GOODS_BASIS,
        },
        {
            "code": "furniture",
            "name": {"zh-Hans": "家具", "zh-Hant": "家具", "en": "Furniture"},
            "examples": {"zh-Hans": "椅子、灯具", "zh-Hant": "椅子、燈具", "en": "chairs, lamps"},
            "rate": "0.13",
            "limit_kind": None,
            "value_band": None,
            "synonyms": ["chair", "lamp", "table", "椅子", "灯", "燈", "桌子"],
            "taxed_within_allowance": _TWENTY_GOODS_BASIS,
        },
        {
            "code": "toys",
            "name": {"zh-Hans": "玩具、游戏品", "zh-Hant": "玩具、遊戲品", "en": "Toys and games"},
            "examples": {
                "zh-Hans": "积木、游戏机",
                "zh-Hant": "積木、遊戲機",
                "en": "building bricks, game consoles",
            },
            "rate": "0.13",
            "limit_kind": None,
            "value_band": None,
            "synonyms": [
                "toy",
                "game",
                "lego",
                "console",
                "玩具",
                "游戏机",
                "遊戲機",
                "積木",
                "积木",
            ],
            "taxed_within_allowance": "",
        },
        {
            "code": "medicines",
            "name": {"zh-Hans": "药品", "zh-Hant": "藥品", "en": "Medicines"},
            "examples": {
                "zh-Hans": "非处方药、保健药品",
                "zh-Hant": "非處方藥、保健藥品",
                "en": "over-the-counter medicines",
            },
            "rate": "0.13",
            "limit_kind": None,
            "value_band": None,
            "synonyms": [
                "medicine",
                "drug",
                "vitamins",
                "pills",
                "药",
                "维生素",
                "藥",
                "維他命",
                "保健品",
            ],
            "taxed_within_allowance": "",
        },
        {
            "code": "gold_silver",
            "name": {"zh-Hans": "金银", "zh-Hant": "金銀", "en": "Gold and silver"},
            "examples": {
                "zh-Hans": "金条、银币",
                "zh-Hant": "金條、銀幣",
                "en": "gold bars, silver coins",
            },
            "rate": "0.13",
            "limit_kind": None,
            "value_band": None,
            "synonyms": ["gold", "silver", "coin", "bullion", "金", "银", "銀", "金币", "金幣"],
            "taxed_within_allowance": "",
        },
        # 20 % (税目2, including "other goods" not in 税目1 or 3)
        {
            "code": "textiles",
            "name": {"zh-Hans": "纺织品", "zh-Hant": "紡織品", "en": "Textiles"},
            "examples": {
                "zh-Hans": "床单、毛巾、布料",
                "zh-Hant": "床單、毛巾、布料",
                "en": "bed linen, towels, fabric",
            },
            "rate": "0.20",
            "limit_kind": None,
            "value_band": None,
            "synonyms": ["towel", "sheet", "fabric", "毛巾", "床单", "布", "床單"],
            "taxed_within_allowance": "",
        },
        {
            "code": "clothing",
            "name": {"zh-Hans": "服装", "zh-Hant": "服裝", "en": "Clothing"},
            "examples": {
                "zh-Hans": "大衣、衬衫",
                "zh-Hant": "大衣、襯衫",
                "en": "coats, shirts",
            },
            "rate": "0.20",
            "limit_kind": None,
            "value_band": None,
            "synonyms": [
                "clothes",
                "shirt",
                "coat",
                "dress",
                "jacket",
                "衣服",
                "衬衫",
                "外套",
                "大衣",
                "襯衫",
                "裙子",
            ],
            "taxed_within_allowance": "",
        },
        {
            "code": "shoes",
            "name": {"zh-Hans": "鞋靴", "zh-Hant": "鞋靴", "en": "Shoes"},
            "examples": {
                "zh-Hans": "皮鞋、运动鞋",
                "zh-Hant": "皮鞋、運動鞋",
                "en": "shoes, trainers",
            },
            "rate": "0.20",
            "limit_kind": None,
            "value_band": None,
            "synonyms": ["shoe", "trainers", "sneakers", "boots", "鞋", "运动鞋", "靴子", "運動鞋"],
            "taxed_within_allowance": "",
        },
        {
            "code": "bags",
            "name": {"zh-Hans": "箱包", "zh-Hant": "箱包", "en": "Bags"},
            "examples": {
                "zh-Hans": "手提包、行李箱",
                "zh-Hant": "手袋、行李箱",
                "en": "handbags, suitcases",
            },
            "rate": "0.20",
            "limit_kind": None,
            "value_band": None,
            "synonyms": [
                "bag",
                "handbag",
                "suitcase",
                "backpack",
                "wallet",
                "包",
                "手袋",
                "背包",
                "钱包",
                "錢包",
                "行李箱",
            ],
            "taxed_within_allowance": "",
        },
        {
            "code": "watches",
            "name": {"zh-Hans": "手表（非高档）", "zh-Hant": "手錶（非高檔）", "en": "Watches"},
            "examples": {
                "zh-Hans": "每只完税价格低于10000元的手表",
                "zh-Hant": "每隻完稅價格低於10000元的手錶",
                "en": "watches worth less than RMB 10,000 each",
            },
            "rate": "0.20",
            "limit_kind": None,
            "value_band": {
                "group": "watches",
                "per": "unit",
                "from_cny": "0.00",
                "below_cny": "10000.00",
                "basis": _WATCH_BAND_BASIS,
            },
            "synonyms": ["watch", "wristwatch", "smartwatch", "手表", "手錶", "腕表", "腕錶"],
            "taxed_within_allowance": "",
        },
        {
            "code": "bicycles",
            "name": {"zh-Hans": "自行车", "zh-Hant": "自行車", "en": "Bicycles"},
            "examples": {
                "zh-Hans": "自行车及零件",
                "zh-Hant": "自行車及零件",
                "en": "bicycles and parts",
            },
            "rate": "0.20",
            "limit_kind": None,
            "value_band": None,
            "synonyms": ["bicycle", "bike", "cycle", "单车", "單車", "自行车"],
            "taxed_within_allowance": "",
        },
        {
            "code": "sports",
            "name": {"zh-Hans": "运动用品", "zh-Hant": "運動用品", "en": "Sports goods"},
            "examples": {
                "zh-Hans": "球拍、钓鱼用品（不含高尔夫用品）",
                "zh-Hant": "球拍、釣魚用品（不含高爾夫用品）",
                "en": "rackets, fishing gear (not golf)",
            },
            "rate": "0.20",
            "limit_kind": None,
            "value_band": None,
            "synonyms": ["racket", "fishing", "sport", "球拍", "钓鱼", "釣魚", "运动", "運動"],
            "taxed_within_allowance": "",
        },
        {
            "code": "appliances",
            "name": {"zh-Hans": "电器用品", "zh-Hant": "電器用品", "en": "Electrical appliances"},
            "examples": {
                "zh-Hans": "电视摄像机、吹风机、电动牙刷",
                "zh-Hant": "電視攝像機、風筒、電動牙刷",
                "en": "TV cameras, hair dryers, electric toothbrushes",
            },
            "rate": "0.20",
            "limit_kind": None,
            "value_band": None,
            "synonyms": [
                "hair dryer",
                "toothbrush",
                "shaver",
                "headphones",
                "appliance",
                "吹风机",
                "电动牙刷",
                "剃须刀",
                "耳机",
                "風筒",
                "電動牙刷",
                "耳機",
            ],
            "taxed_within_allowance": "",
        },
        {
            "code": "cosmetics",
            "name": {
                "zh-Hans": "化妆品（非高档）",
                "zh-Hant": "化妝品（非高檔）",
                "en": "Cosmetics",
            },
            "examples": {
                "zh-Hans": "护肤品、洗发水",
                "zh-Hant": "護膚品、洗髮水",
                "en": "skin care, shampoo",
            },
            "rate": "0.20",
            "limit_kind": None,
            "value_band": {
                "group": "cosmetics",
                "per": "measure",
                "from_cny": "0.00",
                "below_cny": "10.00",
                "basis": _COSMETICS_BAND_BASIS,
            },
            "synonyms": [
                "perfume",
                "fragrance",
                "cologne",
                "cosmetics",
                "make-up",
                "makeup",
                "skin care",
                "lipstick",
                "cream",
                "香水",
                "化妆品",
                "护肤品",
                "口红",
                "化妝品",
                "護膚品",
                "口紅",
                "面霜",
            ],
            "taxed_within_allowance": "",
        },
        {
            "code": "other",
            "name": {"zh-Hans": "其他物品", "zh-Hant": "其他物品", "en": "Other goods"},
            "examples": {
                "zh-Hans": "未列入其他类别的物品",
                "zh-Hant": "未列入其他類別的物品",
                "en": "anything not in another category",
            },
            "rate": "0.20",
            "limit_kind": None,
            "value_band": None,
            "synonyms": ["other", "gift", "其他", "礼物", "禮物"],
            "taxed_within_allowance": "",
        },
        # 50 % (税目3)
        {
            "code": "alcohol",
            "name": {
                "zh-Hans": "酒（12度及以上）",
                "zh-Hant": "酒（12度及以上）",
                "en": "Alcoholic drinks (12 % vol or more)",
            },
            "examples": {
                "zh-Hans": "葡萄酒、白酒、威士忌",
                "zh-Hant": "葡萄酒、白酒、威士忌",
                "en": "wine, baijiu, whisky",
            },
            "rate": "0.50",
            "limit_kind": "alcohol",
            "value_band": None,
            "synonyms": [
                "wine",
                "whisky",
                "whiskey",
                "baijiu",
                "spirits",
                "vodka",
                "cognac",
                "liquor",
                "红酒",
                "白酒",
                "威士忌",
                "葡萄酒",
                "紅酒",
                "烈酒",
            ],
            "taxed_within_allowance": "",
        },
        {
            "code": "alcohol_light",
            "name": {
                "zh-Hans": "酒（12度以下）",
                "zh-Hant": "酒（12度以下）",
                "en": "Alcoholic drinks (under 12 % vol)",
            },
            "examples": {"zh-Hans": "啤酒、苹果酒", "zh-Hant": "啤酒、蘋果酒", "en": "beer, cider"},
            "rate": "0.50",
            "limit_kind": None,
            "value_band": None,
            "synonyms": ["beer", "cider", "啤酒", "苹果酒", "蘋果酒"],
            "taxed_within_allowance": "",
        },
        {
            "code": "cigarettes",
            "name": {"zh-Hans": "香烟", "zh-Hant": "香煙", "en": "Cigarettes"},
            "examples": {"zh-Hans": "卷烟", "zh-Hant": "捲煙", "en": "cigarettes"},
            "rate": "0.50",
            "limit_kind": "cigarettes",
            "value_band": None,
            "synonyms": ["cigarettes", "cigarette", "tobacco", "香烟", "烟", "香菸", "煙"],
            "taxed_within_allowance": "",
        },
        {
            "code": "cigars",
            "name": {"zh-Hans": "雪茄", "zh-Hant": "雪茄", "en": "Cigars"},
            "examples": {"zh-Hans": "雪茄烟", "zh-Hant": "雪茄煙", "en": "cigars"},
            "rate": "0.50",
            "limit_kind": "cigars",
            "value_band": None,
            "synonyms": ["cigar", "雪茄"],
            "taxed_within_allowance": "",
        },
        {
            "code": "pipe_tobacco",
            "name": {"zh-Hans": "烟丝", "zh-Hant": "煙絲", "en": "Pipe tobacco"},
            "examples": {"zh-Hans": "斗烟丝", "zh-Hant": "斗煙絲", "en": "pipe tobacco"},
            "rate": "0.50",
            "limit_kind": "pipe_tobacco",
            "value_band": None,
            "synonyms": ["pipe tobacco", "tobacco", "烟丝", "煙絲", "烟草", "煙草"],
            "taxed_within_allowance": "",
        },
        {
            "code": "cosmetics_high_end",
            "name": {"zh-Hans": "高档化妆品", "zh-Hant": "高檔化妝品", "en": "High-end cosmetics"},
            "examples": {
                "zh-Hans": "高档美容、修饰类化妆品及护肤品",
                "zh-Hant": "高檔美容、修飾類化妝品及護膚品",
                "en": "high-end make-up and skin care",
            },
            "rate": "0.50",
            "limit_kind": None,
            "value_band": {
                "group": "cosmetics",
                "per": "measure",
                "from_cny": "10.00",
                "below_cny": None,
                "basis": _COSMETICS_BAND_BASIS,
            },
            "synonyms": [
                "perfume",
                "fragrance",
                "luxury cosmetics",
                "高档化妆品",
                "香水",
                "高檔化妝品",
            ],
            "taxed_within_allowance": "",
        },
        {
            "code": "golf",
            "name": {"zh-Hans": "高尔夫球及球具", "zh-Hant": "高爾夫球及球具", "en": "Golf goods"},
            "examples": {
                "zh-Hans": "高尔夫球杆、高尔夫球",
                "zh-Hant": "高爾夫球桿、高爾夫球",
                "en": "golf clubs, golf balls",
            },
            "rate": "0.50",
            "limit_kind": None,
            "value_band": None,
            "synonyms": ["golf", "golf clubs", "高尔夫", "高爾夫", "球杆", "球桿"],
            "taxed_within_allowance": "",
        },
        {
            "code": "watches_high_value",
            "name": {"zh-Hans": "高档手表", "zh-Hant": "高檔手錶", "en": "High-value watches"},
            "examples": {
                "zh-Hans": "每只完税价格10000元及以上的手表",
                "zh-Hant": "每隻完稅價格10000元及以上的手錶",
                "en": "watches worth RMB 10,000 or more each",
            },
            "rate": "0.50",
            "limit_kind": None,
            "value_band": {
                "group": "watches",
                "per": "unit",
                "from_cny": "10000.00",
                "below_cny": None,
                "basis": _WATCH_BAND_BASIS,
            },
            "synonyms": ["watch", "luxury watch", "rolex", "名表", "手表", "手錶", "名錶"],
            "taxed_within_allowance": "",
        },
        {
            "code": "jewellery",
            "name": {
                "zh-Hans": "贵重首饰及珠宝玉石",
                "zh-Hant": "貴重首飾及珠寶玉石",
                "en": "Jewellery",
            },
            "examples": {
                "zh-Hans": "钻石、翡翠、珍珠首饰",
                "zh-Hant": "鑽石、翡翠、珍珠首飾",
                "en": "diamonds, jade, pearl jewellery",
            },
            "rate": "0.50",
            "limit_kind": None,
            "value_band": None,
            "synonyms": [
                "jewelry",
                "jewellery",
                "ring",
                "necklace",
                "diamond",
                "jade",
                "首饰",
                "戒指",
                "项链",
                "钻石",
                "翡翠",
                "首飾",
                "項鍊",
                "鑽石",
            ],
            "taxed_within_allowance": "",
        },
    ],
    "quantity_limits": [
        {
            "kind": "alcohol",
            "group": "alcohol",
            "amount": 1500,
            "unit": "ml",
            "min_age": 16,
            "basis": _LIMIT_BASIS,
            "profile": "general",
        },
        {
            "kind": "cigarettes",
            "group": "tobacco",
            "amount": 400,
            "unit": "stick",
            "min_age": 16,
            "basis": _LIMIT_BASIS,
            "profile": "general",
        },
        {
            "kind": "cigars",
            "group": "tobacco",
            "amount": 100,
            "unit": "cigar",
            "min_age": 16,
            "basis": _LIMIT_BASIS,
            "profile": "general",
        },
        {
            "kind": "pipe_tobacco",
            "group": "tobacco",
            "amount": 500,
            "unit": "g",
            "min_age": 16,
            "basis": _LIMIT_BASIS,
            "profile": "general",
        },
        {
            "kind": "alcohol",
            "group": "alcohol",
            "amount": 750,
            "unit": "ml",
            "min_age": 16,
            "basis": _HK_MACAU_LIMIT_BASIS,
            "profile": "hk_macau",
        },
        {
            "kind": "cigarettes",
            "group": "tobacco",
            "amount": 200,
            "unit": "stick",
            "min_age": 16,
            "basis": _HK_MACAU_LIMIT_BASIS,
            "profile": "hk_macau",
        },
        {
            "kind": "cigars",
            "group": "tobacco",
            "amount": 50,
            "unit": "cigar",
            "min_age": 16,
            "basis": _HK_MACAU_LIMIT_BASIS,
            "profile": "hk_macau",
        },
        {
            "kind": "pipe_tobacco",
            "group": "tobacco",
            "amount": 250,
            "unit": "g",
            "min_age": 16,
            "basis": _HK_MACAU_LIMIT_BASIS,
            "profile": "hk_macau",
        },
        {
            "kind": "alcohol",
            "group": "alcohol",
            "amount": 0,
            "unit": "ml",
            "min_age": 16,
            "basis": _FREQUENT_LIMIT_BASIS,
            "profile": "frequent_crosser",
        },
        {
            "kind": "cigarettes",
            "group": "tobacco",
            "amount": 40,
            "unit": "stick",
            "min_age": 16,
            "basis": _FREQUENT_LIMIT_BASIS,
            "profile": "frequent_crosser",
        },
        {
            "kind": "cigars",
            "group": "tobacco",
            "amount": 5,
            "unit": "cigar",
            "min_age": 16,
            "basis": _FREQUENT_LIMIT_BASIS,
            "profile": "frequent_crosser",
        },
        {
            "kind": "pipe_tobacco",
            "group": "tobacco",
            "amount": 40,
            "unit": "g",
            "min_age": 16,
            "basis": _FREQUENT_LIMIT_BASIS,
            "profile": "frequent_crosser",
        },
    ],
    "cash": {
        "cny": "20000.00",
        "foreign_usd": "5000.00",
        "basis": (
            "中国人民银行公告〔2004〕第18号: more than RMB 20,000 in cash; 汇发〔2003〕102号: "
            "foreign cash worth more than USD 5,000 — declare to customs"
        ),
    },
    "allowance_choice": {
        "method": "most_favourable_whole_articles",
        "basis": _CHOICE_BASIS,
    },
    "hk_macau_ports": ["LUOHU", "FUTIAN", "SZBAY", "GONGBEI", "HZMB"],
}

SEED_RATES: dict[str, Any] = {
    "date": "2025-01-01",
    "source": (
        "DEMO TABLE, NOT OFFICIAL: round figures for development and tests. Replace with the "
        "monthly rates customs publishes for assessing duty before relying on any estimate."
    ),
    "rates": {
        "CNY": "1",
        "USD": "7.10",
        "EUR": "7.80",
        "JPY": "0.048",
        "HKD": "0.91",
        "MOP": "0.88",
        "TWD": "0.22",
        "GBP": "9.10",
        "KRW": "0.0052",
        "AUD": "4.70",
        "SGD": "5.30",
        "THB": "0.20",
    },
}


def seed_rule_set() -> RuleSet:
    return RuleSet.from_dict(SEED_RULES)


def seed_rates() -> ExchangeRateTable:
    return ExchangeRateTable.from_dict(SEED_RATES)
