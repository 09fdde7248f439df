from __future__ import annotations

import strawberry

from palm_customs.catalogue.mutations.material_type_save import material_type_save
from palm_customs.catalogue.mutations.service_item_update import service_item_update


@strawberry.type
class CatalogueMutation:
    service_item_update = service_item_update
    material_type_save = material_type_save
