"""Query limits built once at import, so the validation cache keeps hitting.

strawberry's QueryDepthLimiter and MaxAliasesLimiter create a new rule class per request; the
ValidationCache keys on the rules tuple, so it would never hit (strawberry #4635). The rule
classes here are module constants, added by core/documents.py.
"""

from __future__ import annotations

from graphql.validation import ASTValidationRule
from strawberry.extensions.max_aliases import create_validator as create_alias_validator
from strawberry.extensions.query_depth_limiter import create_validator as create_depth_validator

MAX_DEPTH = 10
MAX_ALIASES = 15
MAX_TOKENS = 2000
MAX_BODY_BYTES = 1_000_000

DepthLimitRule = create_depth_validator(MAX_DEPTH, should_ignore=None)
AliasLimitRule = create_alias_validator(MAX_ALIASES)
VALIDATION_RULES: list[type[ASTValidationRule]] = [DepthLimitRule, AliasLimitRule]
