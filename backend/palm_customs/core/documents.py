"""Each query text is parsed and validated once per process (the steps of schema.py's one
extension, PalmRequest).

It does what strawberry's MaxTokensLimiter, AddValidationRules, ParserCache and
ValidationCache did together, with the same limits and rules (core/limits.py), at less cost per
request: no extension of its own (strawberry builds every extension's hooks for each request),
and the validation cache keyed by the identity of the document the parse cache hands back for
the same text, instead of by hashing the whole document on every request. A parse
error (a syntax error, too many tokens) is never cached: it is raised again each time.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from graphql import DocumentNode, GraphQLError, GraphQLSchema, parse
from graphql.validation import ASTValidationRule
from strawberry.schema.schema import validate_document

from palm_customs.core.limits import MAX_TOKENS, VALIDATION_RULES

if TYPE_CHECKING:
    from strawberry.types import ExecutionContext

# Distinct query texts kept (the app sends a few dozen; a client inventing texts only evicts).
CACHE_SIZE = 512


@lru_cache(maxsize=CACHE_SIZE)
def _parse(query: str, max_tokens: int) -> DocumentNode:
    return parse(query, max_tokens=max_tokens)


_Rules = tuple[type[ASTValidationRule], ...]
# (schema, document, rules) by identity -> (schema, document, rules, errors): an entry keeps
# what its key names alive, so an id is never reused while it is here.
_validated: OrderedDict[
    tuple[int, int, _Rules], tuple[Any, DocumentNode, _Rules, list[GraphQLError]]
] = OrderedDict()


def validated(
    schema: GraphQLSchema, document: DocumentNode, rules: Sequence[Any]
) -> list[GraphQLError]:
    rules = tuple(rules)
    key = (id(schema), id(document), rules)
    found = _validated.get(key)
    if found is not None and found[0] is schema and found[1] is document:
        _validated.move_to_end(key)
        return found[3]
    errors = validate_document(schema, document, rules)
    _validated[key] = (schema, document, rules, errors)
    if len(_validated) > CACHE_SIZE:
        _validated.popitem(last=False)
    return errors


def prepare(context: ExecutionContext, extra_rules: Sequence[type[ASTValidationRule]] = ()) -> None:
    """At the start of an operation: the token limit and the project's validation rules."""
    context.parse_options["max_tokens"] = MAX_TOKENS
    context.validation_rules = (*context.validation_rules, *VALIDATION_RULES, *extra_rules)


def parse_cached(context: ExecutionContext) -> None:
    """In the parse step: the document for the query text, parsed once per process."""
    if context.graphql_document is None and context.query:
        context.graphql_document = _parse(
            context.query, int(context.parse_options.get("max_tokens", MAX_TOKENS))
        )


def validate_cached(context: ExecutionContext) -> None:
    """In the validation step: the document's errors, found once per process."""
    assert context.graphql_document is not None
    context.pre_execution_errors = validated(
        context.schema._schema, context.graphql_document, context.validation_rules
    )
