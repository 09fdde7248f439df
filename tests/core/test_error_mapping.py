"""How domain exceptions become union members: by class hierarchy, listed once, all covered."""

from __future__ import annotations

import importlib
import pkgutil
from typing import TYPE_CHECKING, Any, cast

import pytest

import palm_customs
from palm_customs.core.errors import DomainError
from palm_customs.core.mutation import ErrorMapping, maps
from palm_customs.schema import ERROR_MAPPING

if TYPE_CHECKING:
    from palm_customs.context import Context

NO_CONTEXT = cast("Context", None)


class Base(DomainError):
    code = "base"


class Special(Base):
    code = "special"


class MoreSpecial(Special):
    code = "more_special"


@pytest.mark.parametrize("base_first", [True, False])
def test_the_most_specific_mapper_wins_whatever_the_order_they_are_listed_in(
    base_first: bool,
) -> None:
    # given a base exception and its subclass, each with a mapper, listed in either order
    base = maps(Base, lambda e, c: f"base:{e.code}")
    special = maps(Special, lambda e, c: f"special:{e.code}")
    mapping = ErrorMapping([base, special] if base_first else [special, base])
    # when each is mapped
    # then the subclass gets its own mapper, the base its own, and a subclass without a
    # mapper of its own the nearest ancestor's
    assert mapping.map(Special(), NO_CONTEXT) == "special:special"
    assert mapping.map(Base(), NO_CONTEXT) == "base:base"
    assert mapping.map(MoreSpecial(), NO_CONTEXT) == "special:more_special"


def test_an_exception_mapped_twice_is_refused_when_the_mapping_is_built() -> None:
    # given two mappers for one exception (e.g. two domains' tables)
    first = [maps(Base, lambda e, c: "one")]
    second = [maps(Base, lambda e, c: "two")]
    # when the mapping is built, then it names the exception
    with pytest.raises(ValueError, match="Base is mapped twice"):
        ErrorMapping(first, second)


def test_an_unmapped_exception_is_raised_again() -> None:
    # given a mapping that knows only Special
    mapping = ErrorMapping([maps(Special, lambda e, c: "special")])
    # when a Base (its parent) is mapped, then it is raised as it came (a bug, masked later)
    with pytest.raises(Base):
        mapping.map(Base(), NO_CONTEXT)


def _subclasses(cls: type[Any]) -> set[type[Any]]:
    found: set[type[Any]] = set()
    for sub in cls.__subclasses__():
        found |= {sub} | _subclasses(sub)
    return found


def test_every_domain_exception_of_the_product_has_a_mapper_in_the_schema() -> None:
    # given every module of the product imported (so every DomainError subclass exists)
    for module in pkgutil.walk_packages(palm_customs.__path__, "palm_customs."):
        if ".migrations" not in module.name and not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    raised = {
        cls
        for cls in _subclasses(DomainError)
        if cls.__module__.startswith("palm_customs.") and not cls.__name__.startswith("_")
    }
    # when each is looked up in the API's mapping
    unmapped = sorted(cls.__qualname__ for cls in raised if cls not in ERROR_MAPPING)
    # then none would reach a client as an internal error
    assert len(raised) > 10
    assert unmapped == []
