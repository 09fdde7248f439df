"""Demo articles of the knowledge base (idempotent seeding).

Texts are written in simplified Chinese and English; the traditional Chinese text of the demo
is converted from the simplified one (zhconv, Taiwan/Hong Kong forms), as an editor's first
draft would be. One article has no English on purpose: readers see the visible fallback.
"""

from __future__ import annotations

from palm_customs.core import clock
from palm_customs.knowledge.analysis import convert
from palm_customs.knowledge.demo_help import HELP_ARTICLES
from palm_customs.knowledge.models import Article, ArticleCategory, ArticleVersion
from palm_customs.knowledge.services import index_article

# slug, category, (zh-Hans title, body), (en title, body) or None, item codes, duty codes
ARTICLES: tuple[
    tuple[str, ArticleCategory, tuple[str, str], tuple[str, str] | None, list[str], list[str]],
    ...,
] = (
    (
        "postal-articles-limits",
        ArticleCategory.POSTAL,
        (
            "个人邮递物品的限值和税款",
            "个人寄自或寄往港澳台地区的邮递物品，每次限值为800元人民币；寄自或寄往其他国家和地区的，"
            "每次限值为1000元人民币。应征进口税税额在50元以下的，海关予以免征。超出限值的，应办理退运或按照货物规定办理通关手续。",
        ),
        (
            "Limits and duty on personal parcels",
            "A personal parcel from Hong Kong, Macao or Taiwan may be worth up to RMB 800 each"
            " time; from elsewhere up to RMB 1,000. Duty of RMB 50 or less is waived. Parcels"
            " over the limit are returned or cleared as goods.",
        ),
        ["POSTAL_ARTICLES"],
        [],
    ),
    (
        "baggage-duty-free-allowance",
        ArticleCategory.TRAVEL,
        (
            "旅客行李物品免税额度",
            "进境居民旅客携带在境外获取的个人自用物品，总值在5000元人民币以内（含5000元）的，海关予以免税放行；"
            "非居民旅客携带拟留在中国境内的个人自用物品，总值在2000元人民币以内的，海关予以免税放行。"
            "超出部分按行邮税征税。",
        ),
        (
            "Duty-free allowance for travellers' baggage",
            "Residents arriving in China may bring personal articles bought abroad worth up to"
            " RMB 5,000 free of duty; non-residents may leave articles worth up to RMB 2,000."
            " The value above the allowance is taxed at the personal articles rates.",
        ),
        [],
        ["other"],
    ),
    (
        "bringing-pets",
        ArticleCategory.ANIMALS_PLANTS,
        (
            "携带宠物入境需要准备什么",
            "每名旅客每次限带1只犬或猫。需提供输出国家或地区官方动物检疫机构出具的有效检疫证书和狂犬病疫苗接种证书，"
            "宠物应具有电子芯片。没有证书的宠物须在指定隔离场隔离检疫30天。",
        ),
        (
            "Bringing a pet cat or dog into China",
            "Each traveller may bring one dog or one cat per trip, with a valid health certificate"
            " from the official veterinary authority of the country of departure, a rabies"
            " vaccination certificate and a microchip. A pet without certificates is quarantined"
            " for 30 days.",
        ),
        ["PETS_ENTRY"],
        [],
    ),
    (
        "perfume-and-cosmetics",
        ArticleCategory.TRAVEL,
        (
            "携带香水和化妆品入境怎么征税",
            "旅客携带的香水、护肤品、洗发水等化妆品，属于个人合理自用数量的，计入5000元免税额度；"
            "超出免税额度的部分，非高档化妆品按20%税率征收进口税，高档化妆品按50%征收。",
        ),
        (
            "Perfume and cosmetics in your baggage",
            "Perfume, skin care and shampoo in reasonable personal quantities count towards the"
            " RMB 5,000 allowance; above it, ordinary cosmetics are taxed at 20 % and high-end"
            " cosmetics at 50 %.",
        ),
        [],
        ["cosmetics"],
    ),
    (
        "alcohol-and-tobacco",
        ArticleCategory.TRAVEL,
        (
            "烟酒的免税限量",
            "年满16周岁的旅客，进境可免税携带酒精饮料1500毫升（12度以上），香烟400支或雪茄100支或烟丝500克。"
            "超出部分应当申报并征税。",
        ),
        (
            "How much alcohol and tobacco is duty-free",
            "Travellers aged 16 or over may bring 1,500 ml of alcoholic drinks (12 % vol or more)"
            " and 400 cigarettes, or 100 cigars, or 500 g of tobacco, free of duty. Declare and"
            " pay duty on anything more.",
        ),
        [],
        ["alcohol", "cigarettes"],
    ),
    (
        "cash-declaration",
        ArticleCategory.TRAVEL,
        (
            "携带现金出入境要申报吗",
            "旅客携带人民币现钞超过20000元，或外币现钞折合超过5000美元的，应当向海关书面申报。",
        ),
        (
            "Do I need to declare cash?",
            "Declare in writing when you carry more than RMB 20,000 in cash, or foreign currency"
            " worth more than USD 5,000.",
        ),
        [],
        [],
    ),
    (
        "tax-refund-overpaid",
        ArticleCategory.TAX,
        (
            "多缴的税款怎么申请退还",
            "纳税义务人发现多缴税款的，可以自缴纳税款之日起三年内，书面要求海关退还多缴的税款并加算银行同期活期存款利息。",
        ),
        (
            "Getting overpaid duty back",
            "Within three years of paying, a taxpayer who paid too much duty may ask customs in"
            " writing to refund it, with interest at the bank's current-account rate.",
        ),
        ["TAX_REFUND"],
        [],
    ),
    (
        "food-and-fruit",
        ArticleCategory.ANIMALS_PLANTS,
        (
            "哪些食品不能带入境",
            "禁止携带新鲜水果、蔬菜、肉类及其制品（包括香肠、火腿）、活动物、鲜奶、燕窝（罐头装除外）等进境。"
            "违规携带的物品将被截留销毁。",
        ),
        (
            "Food you may not bring in",
            "Fresh fruit and vegetables, meat and meat products (including sausages and ham),"
            " live animals, fresh milk and bird's nest (except tinned) may not be brought in."
            " They are taken and destroyed.",
        ),
        [],
        [],
    ),
    (
        "medicine-for-personal-use",
        ArticleCategory.TRAVEL,
        (
            "携带药品入境的规定",
            "旅客携带自用的药品，应以合理自用数量为限；中药材、中成药有数量限制，含麻醉药品或精神药品成分的，应当持医生处方。",
        ),
        (
            "Bringing medicine for yourself",
            "Medicine for your own use is allowed in reasonable quantities; herbal medicine has"
            " limits, and anything with narcotic or psychotropic ingredients needs a doctor's"
            " prescription.",
        ),
        [],
        ["medicines"],
    ),
    (
        "declarant-registration",
        ArticleCategory.ENTERPRISE,
        (
            "报关单位备案怎么办理",
            "进出口货物收发货人、报关企业应当向所在地海关办理备案。可以通过本应用在线提交营业执照和备案信息表，海关审核后生效。",
        ),
        (
            "Registering as a customs declarant",
            "Importers, exporters and customs brokers register with their local customs office."
            " Send the business licence and the registration form online; it takes effect once"
            " customs approves it.",
        ),
        ["ENTERPRISE_REGISTRATION"],
        [],
    ),
    (
        "booking-an-appointment",
        ArticleCategory.APPOINTMENTS,
        (
            "如何预约窗口办理业务",
            "材料预审通过后，可以预约现场窗口。到达后出示预约二维码签到，叫号后到指定窗口办理。取消预约请至少提前2小时。",
        ),
        (
            "Booking a window appointment",
            "Once your documents pass the pre-review, book a window. Show the booking QR code to"
            " check in, then go to the window when your number is called. Cancel at least two"
            " hours ahead.",
        ),
        [],
        [],
    ),
    (
        "cultural-relics-exit",
        ArticleCategory.TRAVEL,
        (
            "携带文物出境需要什么手续",
            "携带文物出境，应当向海关申报，并出示文物进出境审核机构出具的文物出境许可证明和火漆标识。",
        ),
        (
            "Taking cultural relics or antiques out of China",
            "Declare cultural relics when leaving and show the exit permit and the wax seal"
            " issued by the cultural relics authority.",
        ),
        ["CULTURAL_RELIC_EXIT"],
        [],
    ),
    (
        "hotline-12360",
        ArticleCategory.GENERAL,
        (
            "12360海关热线服务时间",
            "12360海关服务热线提供政策咨询、投诉举报受理服务，人工服务时间为工作日8:30至17:30。",
        ),
        None,
        ["CUSTOMS_ENQUIRY"],
        [],
    ),
)


def texts(zh: tuple[str, str], en: tuple[str, str] | None) -> dict[str, dict[str, str]]:
    result = {
        "zh-Hans": {"title": zh[0], "body": zh[1]},
        "zh-Hant": {
            "title": convert(zh[0], "zh-hk"),
            "body": convert(zh[1], "zh-hk"),
        },
    }
    if en is not None:
        result["en"] = {"title": en[0], "body": en[1]}
    return result


async def seed_articles() -> int:
    created = 0
    now = clock.now()
    for slug, category, zh, en, items, duty in (*ARTICLES, *HELP_ARTICLES):
        article, new = await Article.get_or_create(
            slug=slug,
            defaults={
                "category": category,
                "latest_version": 1,
                "created_at": now,
                "updated_at": now,
            },
        )
        if new:
            await ArticleVersion.create(
                article=article,
                version=1,
                effective_from=clock.today(),
                texts=texts(zh, en),
                links={"service_items": items, "duty_categories": duty, "notices": []},
                edited_by="seed",
                edited_at=now,
            )
            created += 1
        await index_article(None, article)
    return created


async def seed_knowledge() -> int:
    """Demo articles, then the search documents of every source (idempotent)."""
    from palm_customs.knowledge.index import reindex_sources

    created = await seed_articles()
    await reindex_sources()
    return created
