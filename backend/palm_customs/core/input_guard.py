"""Every string a client sends is checked once, here, before any resolver runs.

A class of defect, not one field: a value longer than the column it is compared with made
Tortoise raise (INTERNAL); U+0000 made PostgreSQL raise while SQLite stored it. So every string
argument and input field, literal or variable, at any depth, is refused with a typed,
translated BAD_USER_INPUT when it

- holds a character no form sends: C0/C1 controls (tab, line feed and carriage return are
  text), DEL, bidirectional overrides and isolates (which make text display other than it is),
  lone surrogates, the non-characters U+FFFE/U+FFFF;
- is longer than its limit: `LIMITS` for the few large ones, `DEFAULT_MAX_LENGTH` otherwise.

The same answer on SQLite and PostgreSQL; services still apply their own, tighter limits and
say which field (TOO_LONG). A refused mutation is audited like any other refusal.
"""

from __future__ import annotations

import contextlib
import re
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from graphql import (
    ArgumentNode,
    ExecutionResult,
    GraphQLError,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    ObjectFieldNode,
    OperationDefinitionNode,
    StringValueNode,
    TypeInfo,
    TypeInfoVisitor,
    ValueNode,
    VariableNode,
    Visitor,
    get_named_type,
    visit,
)

from palm_customs.core.i18n import Language, translate

if TYPE_CHECKING:
    from strawberry.types import ExecutionContext

# Above every text limit the services set themselves (they answer TOO_LONG for their field).
DEFAULT_MAX_LENGTH = 4000
# Where a longer string is expected ("Type.field.argument" or "InputType.field"): a backstop
# above the services' own limits (they check content and size in bytes, and say which field).
LIMITS: dict[str, int] = {
    "Mutation.accountCreateFinish.credentialJson": 40_000,
    "Mutation.signInFinish.credentialJson": 40_000,
    "Mutation.stepUpFinish.credentialJson": 40_000,
    "Mutation.passkeyAddFinish.credentialJson": 40_000,
    "Mutation.officerEnrolFinish.credentialJson": 40_000,
    "Mutation.declarationDraftSave.dataJson": 128_000,
    "Mutation.applicationDraftSave.dataJson": 128_000,
    "Mutation.dutyRulesPublish.ruleSetJson": 200_000,
    "Mutation.dutyRulesPublish.ratesJson": 200_000,
    # Knowledge-base articles (knowledge/services.py MAX_BODY is 8,000 characters).
    "KnowledgeArticleTextInput.body": 16_000,
    # Signed QR credentials (core/signing.py MAX_TEXT_CHARS).
    "Mutation.bookingCheckIn.credential": 8192,
    "Query.declarationVerification.credential": 8192,
}
STRING_SCALARS = frozenset({"String", "ID"})

# C0 controls except \t \n \r; DEL and C1; bidi embeddings/overrides/isolates; lone
# surrogates (only reachable through JSON \ud800 escapes); U+FFFE, U+FFFF.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)


def limit_for(path: str) -> int:
    return LIMITS.get(path, DEFAULT_MAX_LENGTH)


def problem_with(value: str, *, limit: int) -> str | None:
    """ "control" or "too_long" when the string must be refused, else None."""
    if _FORBIDDEN.search(value):
        return "control"
    if len(value) > limit:
        return "too_long"
    return None


class _Refused(Exception):
    def __init__(self, field: str, reason: str, limit: int) -> None:
        super().__init__(field)
        self.field = field
        self.reason = reason
        self.limit = limit


def _check_value(value: Any, type_: GraphQLInputType, path: str, field: str) -> None:
    """Check a variable's (already JSON-decoded) value against its declared input type."""
    if value is None:
        return
    if isinstance(type_, GraphQLNonNull):
        _check_value(value, type_.of_type, path, field)
        return
    if isinstance(type_, GraphQLList):
        for item in value if isinstance(value, list) else [value]:
            _check_value(item, type_.of_type, path, field)
        return
    if isinstance(type_, GraphQLInputObjectType) and isinstance(value, dict):
        for name, item in value.items():
            definition = type_.fields.get(name)
            if definition is not None:
                _check_value(item, definition.type, f"{type_.name}.{name}", f"{field}.{name}")
        return
    if isinstance(type_, GraphQLScalarType) and isinstance(value, str):
        limit = limit_for(path) if type_.name in STRING_SCALARS else DEFAULT_MAX_LENGTH
        reason = problem_with(value, limit=limit)
        if reason is not None:
            raise _Refused(field, reason, limit)


@dataclass(frozen=True)
class _Site:
    """One place of the document where the guard looks at a string: a literal, decided when the
    plan is made, or a variable, whose value is checked against the type at that place."""

    field: str
    path: str
    input_type: GraphQLInputType
    variable: str | None = None  # None: a literal refused with `refusal`
    refusal: tuple[str, str, int] | None = None


class _Walker(Visitor):
    """Finds every string argument and input field of the operation with its schema path, in
    document order, up to the first literal that is refused (nothing after it is looked at)."""

    def __init__(self, type_info: TypeInfo) -> None:
        super().__init__()
        self.type_info = type_info
        self.sites: list[_Site] = []

    def _check(self, node: ValueNode, path: str, field: str) -> None:
        input_type = self.type_info.get_input_type()
        if input_type is None:
            return
        if isinstance(node, VariableNode):
            self.sites.append(_Site(field, path, input_type, variable=node.name.value))
        elif isinstance(node, StringValueNode):
            named = get_named_type(input_type)
            limit = limit_for(path) if named.name in STRING_SCALARS else DEFAULT_MAX_LENGTH
            reason = problem_with(node.value, limit=limit)
            if reason is not None:
                self.sites.append(_Site(field, path, input_type, refusal=(field, reason, limit)))
                raise _Refused(field, reason, limit)

    def enter_argument(self, node: ArgumentNode, *_: Any) -> None:
        parent = self.type_info.get_parent_type()
        field = self.type_info.get_field_def()
        if parent is None or field is None:
            return
        ast_field = self._field_name()
        self._check(node.value, f"{parent.name}.{ast_field}.{node.name.value}", node.name.value)

    def enter_object_field(self, node: ObjectFieldNode, *_: Any) -> None:
        # Literal input objects: the parent input type is one level up the TypeInfo stack.
        parent = get_named_type(self.type_info.get_parent_input_type())
        if parent is None or isinstance(node.value, VariableNode):
            if isinstance(node.value, VariableNode) and parent is not None:
                self._check(node.value, f"{parent.name}.{node.name.value}", node.name.value)
            return
        self._check(node.value, f"{parent.name}.{node.name.value}", node.name.value)

    def _field_name(self) -> str:
        field_def = self.type_info.get_field_def()
        parent = self.type_info.get_parent_type()
        if field_def is None or parent is None:
            return "?"
        for name, candidate in getattr(parent, "fields", {}).items():
            if candidate is field_def:
                return str(name)
        return "?"


# A document's sites depend on the document and the schema only, so they are found once per
# document (the parser cache hands back the same document object for the same query text) and
# only the variables are checked per request. Bounded like the parser cache; each entry keeps
# its document and schema alive so that their ids cannot be reused while it is here.
PLAN_CACHE_SIZE = 512
_plans: OrderedDict[tuple[int, int], tuple[Any, Any, tuple[_Site, ...]]] = OrderedDict()


def _plan(schema: Any, document: Any) -> tuple[_Site, ...]:
    key = (id(schema), id(document))
    cached = _plans.get(key)
    if cached is not None and cached[0] is schema and cached[1] is document:
        _plans.move_to_end(key)
        return cached[2]
    type_info = TypeInfo(schema)
    walker = _Walker(type_info)
    with contextlib.suppress(_Refused):  # a refused literal is the plan's last site
        visit(document, TypeInfoVisitor(type_info, walker))
    sites = tuple(walker.sites)
    _plans[key] = (schema, document, sites)
    while len(_plans) > PLAN_CACHE_SIZE:
        _plans.popitem(last=False)
    return sites


def find_refusal(
    schema: Any, document: Any, variables: dict[str, Any] | None
) -> tuple[str, str, int] | None:
    """(field, reason, limit) of the first string the guard refuses in the operation, if any."""
    values = variables or {}
    for site in _plan(schema, document):
        if site.variable is None:
            return site.refusal
        try:
            _check_value(values.get(site.variable), site.input_type, site.path, site.field)
        except _Refused as refused:
            return refused.field, refused.reason, refused.limit
    return None


def _root_fields(document: Any) -> Iterator[str]:
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            for selection in definition.selection_set.selections:
                name = getattr(selection, "name", None)
                if name is not None:
                    yield name.value


def _refuse(key: str, language: Language, code: str) -> ExecutionResult:
    return ExecutionResult(
        data=None, errors=[GraphQLError(translate(key, language), extensions={"code": code})]
    )


async def guard(context: ExecutionContext) -> None:
    """Before execution (schema.py's PalmRequest): refuses the whole operation when a string is
    unacceptable, or when a document holds several operations and names none (GraphQL over
    HTTP: a request error; it used to run the first one), by setting its result."""
    document = context.graphql_document
    language = getattr(context.context, "language", Language.ZH_HANS)
    operations = (
        sum(isinstance(d, OperationDefinitionNode) for d in document.definitions)
        if document is not None
        else 0
    )
    # operation_name falls back to the first operation's name: ask what the client sent.
    if operations > 1 and not getattr(context, "_provided_operation_name", None):
        context.result = _refuse("error.operation_name_required", language, "BAD_REQUEST")
        return
    if document is None:
        return
    found = find_refusal(context.schema._schema, document, context.variables)
    if found is None:
        return
    field, reason, limit = found
    request = context.context
    key = "error.input_control" if reason == "control" else "error.input_too_long"
    if context.operation_type.value == "mutation" and request is not None:
        for operation in _root_fields(document):
            await request.audit_refusal(operation=operation, outcome="BAD_USER_INPUT")
    context.result = ExecutionResult(
        data=None,
        errors=[
            GraphQLError(
                translate(key, language, limit=limit),
                extensions={"code": "BAD_USER_INPUT", "field": field},
            )
        ],
    )
