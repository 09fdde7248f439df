"""Demo data: real customs ports of the People's Republic of China (public information)."""

from __future__ import annotations

from palm_customs.catalogue.models import Port, PortKindValue

# code, kind, name zh-Hans, zh-Hant, en, city zh-Hans, zh-Hant, en
PORTS: list[tuple[str, PortKindValue, str, str, str, str, str, str]] = [
    (
        "PVG",
        PortKindValue.AIRPORT,
        "上海浦东国际机场",
        "上海浦東國際機場",
        "Shanghai Pudong International Airport",
        "上海",
        "上海",
        "Shanghai",
    ),
    (
        "SHA",
        PortKindValue.AIRPORT,
        "上海虹桥国际机场",
        "上海虹橋國際機場",
        "Shanghai Hongqiao International Airport",
        "上海",
        "上海",
        "Shanghai",
    ),
    (
        "PEK",
        PortKindValue.AIRPORT,
        "北京首都国际机场",
        "北京首都國際機場",
        "Beijing Capital International Airport",
        "北京",
        "北京",
        "Beijing",
    ),
    (
        "PKX",
        PortKindValue.AIRPORT,
        "北京大兴国际机场",
        "北京大興國際機場",
        "Beijing Daxing International Airport",
        "北京",
        "北京",
        "Beijing",
    ),
    (
        "CAN",
        PortKindValue.AIRPORT,
        "广州白云国际机场",
        "廣州白雲國際機場",
        "Guangzhou Baiyun International Airport",
        "广州",
        "廣州",
        "Guangzhou",
    ),
    (
        "SZX",
        PortKindValue.AIRPORT,
        "深圳宝安国际机场",
        "深圳寶安國際機場",
        "Shenzhen Bao'an International Airport",
        "深圳",
        "深圳",
        "Shenzhen",
    ),
    (
        "CTU",
        PortKindValue.AIRPORT,
        "成都天府国际机场",
        "成都天府國際機場",
        "Chengdu Tianfu International Airport",
        "成都",
        "成都",
        "Chengdu",
    ),
    ("LUOHU", PortKindValue.LAND, "罗湖口岸", "羅湖口岸", "Luohu Port", "深圳", "深圳", "Shenzhen"),
    (
        "SZBAY",
        PortKindValue.LAND,
        "深圳湾口岸",
        "深圳灣口岸",
        "Shenzhen Bay Port",
        "深圳",
        "深圳",
        "Shenzhen",
    ),
    (
        "GONGBEI",
        PortKindValue.LAND,
        "拱北口岸",
        "拱北口岸",
        "Gongbei Port",
        "珠海",
        "珠海",
        "Zhuhai",
    ),
    (
        "HZMB",
        PortKindValue.LAND,
        "港珠澳大桥珠海口岸",
        "港珠澳大橋珠海口岸",
        "Hong Kong-Zhuhai-Macao Bridge Zhuhai Port",
        "珠海",
        "珠海",
        "Zhuhai",
    ),
    (
        "MZLRW",
        PortKindValue.RAIL,
        "满洲里铁路口岸",
        "滿洲里鐵路口岸",
        "Manzhouli Railway Port",
        "满洲里",
        "滿洲里",
        "Manzhouli",
    ),
    (
        "SHWGQ",
        PortKindValue.SEAPORT,
        "上海吴淞口国际邮轮港",
        "上海吳淞口國際郵輪港",
        "Shanghai Wusongkou International Cruise Terminal",
        "上海",
        "上海",
        "Shanghai",
    ),
    (
        "TJCRU",
        PortKindValue.SEAPORT,
        "天津国际邮轮母港",
        "天津國際郵輪母港",
        "Tianjin International Cruise Home Port",
        "天津",
        "天津",
        "Tianjin",
    ),
]


async def seed_ports() -> int:
    """Insert or update the demo ports; running it twice changes nothing. Returns rows created."""
    created = 0
    for code, kind, n_hans, n_hant, n_en, c_hans, c_hant, c_en in PORTS:
        _, was_created = await Port.update_or_create(
            code=code,
            defaults={
                "kind": kind,
                "name_zh_hans": n_hans,
                "name_zh_hant": n_hant,
                "name_en": n_en,
                "city_zh_hans": c_hans,
                "city_zh_hant": c_hant,
                "city_en": c_en,
            },
        )
        created += int(was_created)
    return created
