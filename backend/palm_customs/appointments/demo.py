"""Demo service halls (fictional addresses near real places), their windows and the items each
window handles, by catalogue code."""

from __future__ import annotations

from typing import Any

_WEEKDAY_HOURS = {str(d): [["09:00", "12:00"], ["13:30", "17:00"]] for d in range(1, 6)}

SITES: list[dict[str, Any]] = [
    {
        "code": "SH-CITY",
        "site": {
            "name_zh_hans": "上海海关政务服务大厅",
            "name_zh_hant": "上海海關政務服務大廳",
            "name_en": "Shanghai Customs Service Hall",
            "address_zh_hans": "上海市虹口区中山东二路 13 号",
            "address_zh_hant": "上海市虹口區中山東二路 13 號",
            "address_en": "13 Zhongshan East 2nd Road, Hongkou District, Shanghai",
            "latitude": 31.2436,
            "longitude": 121.4913,
            "timezone": "Asia/Shanghai",
            "opening_hours": _WEEKDAY_HOURS,
            "accessibility": {
                "zh-Hans": "无障碍入口在北门；1 号窗口为低位窗口；可借用轮椅。",
                "zh-Hant": "無障礙入口在北門；1 號窗口為低位窗口；可借用輪椅。",
                "en": "Step-free entrance at the north door. Window 1 is a low counter. "
                "Wheelchairs can be borrowed.",
            },
            "phone": "12360",
        },
        "windows": [
            (1, ("CULTURAL_RELIC_EXIT", "CUSTOMS_ENQUIRY")),
            (2, ("PETS_ENTRY", "POSTAL_ARTICLES", "CUSTOMS_ENQUIRY")),
            (3, ("DUTY_EXEMPTION", "TEMPORARY_ADMISSION", "CULTURAL_RELIC_EXIT")),
            (4, ("PROCESSING_TRADE_MANUAL", "BONDED_WAREHOUSE", "AEO_CERTIFICATION")),
        ],
    },
    {
        "code": "SH-PVG",
        "site": {
            "name_zh_hans": "浦东机场海关旅检服务台",
            "name_zh_hant": "浦東機場海關旅檢服務台",
            "name_en": "Pudong Airport Customs Passenger Service Desk",
            "address_zh_hans": "上海市浦东新区浦东国际机场 T2 航站楼到达层",
            "address_zh_hant": "上海市浦東新區浦東國際機場 T2 航站樓到達層",
            "address_en": "Arrivals level, Terminal 2, Pudong International Airport, Shanghai",
            "latitude": 31.1512,
            "longitude": 121.8053,
            "timezone": "Asia/Shanghai",
            "opening_hours": {
                str(d): [["08:00", "12:00"], ["13:00", "20:00"]] for d in range(1, 8)
            },
            "accessibility": {
                "zh-Hans": "全程无障碍；服务台设有助听环路。",
                "zh-Hant": "全程無障礙；服務台設有助聽環路。",
                "en": "Step-free throughout. The desk has a hearing loop.",
            },
            "phone": "12360",
        },
        "windows": [
            (1, ("PETS_ENTRY", "CULTURAL_RELIC_EXIT")),
            (2, ("PETS_ENTRY", "CUSTOMS_ENQUIRY")),
        ],
    },
]
