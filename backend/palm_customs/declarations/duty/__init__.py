"""Duty estimate for travellers' articles arriving in China: one pure function,
`estimate_duty` (estimate.py: the steps and the exact arithmetic both the server and the PWA's
port follow), over the inputs and results of model.py; everything public is re-exported here.
"""

from palm_customs.declarations.duty.estimate import estimate_duty
from palm_customs.declarations.duty.model import (
    ARRIVING,
    CENT,
    MAX_HALF_CHOICES,
    Article,
    Channel,
    DutyInputError,
    Estimate,
    EstimateLine,
    InvalidArticleError,
    LineRule,
    MeasureRequiredError,
    Money,
    Reason,
    TooManyChoicesError,
    Traveller,
    TravellerTotal,
    UnknownCategoryError,
    UnknownCurrencyError,
    UnknownTravellerError,
)

__all__ = [
    "ARRIVING",
    "CENT",
    "MAX_HALF_CHOICES",
    "Article",
    "Channel",
    "DutyInputError",
    "Estimate",
    "EstimateLine",
    "InvalidArticleError",
    "LineRule",
    "MeasureRequiredError",
    "Money",
    "Reason",
    "TooManyChoicesError",
    "Traveller",
    "TravellerTotal",
    "UnknownCategoryError",
    "UnknownCurrencyError",
    "UnknownTravellerError",
    "estimate_duty",
]
