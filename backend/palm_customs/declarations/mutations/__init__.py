from __future__ import annotations

import strawberry

from palm_customs.declarations.mutations.declaration_amend import declaration_amend
from palm_customs.declarations.mutations.declaration_draft_delete import declaration_draft_delete
from palm_customs.declarations.mutations.declaration_draft_save import declaration_draft_save
from palm_customs.declarations.mutations.declaration_submit import declaration_submit
from palm_customs.declarations.mutations.duty_rules_publish import duty_rules_publish
from palm_customs.declarations.mutations.inspection_outcome_record import (
    inspection_outcome_record,
)


@strawberry.type
class DeclarationMutation:
    declaration_submit = declaration_submit
    declaration_amend = declaration_amend
    declaration_draft_save = declaration_draft_save
    declaration_draft_delete = declaration_draft_delete
    inspection_outcome_record = inspection_outcome_record
    duty_rules_publish = duty_rules_publish
