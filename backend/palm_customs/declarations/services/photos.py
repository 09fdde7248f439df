"""Photos of articles and receipts: which vault documents a declaration may carry, who may see
them, and how long they are kept.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from palm_customs.core import clock
from palm_customs.core.columns import fitting
from palm_customs.core.principal import Principal, Role
from palm_customs.declarations.errors import DeclarationErrorCode, DeclarationProblem
from palm_customs.declarations.models import Declaration, DeclarationPhoto
from palm_customs.declarations.services.inputs import ArticleInput
from palm_customs.documents import services as vault
from palm_customs.documents.models import Document, FileFormat
from palm_customs.identity.services.officers import officer_posts

# What an article's photo may be: a picture or PDF of the goods or of the receipt. A passport
# scan in the same vault is not one (and would otherwise be shown to inspectors).
PHOTO_MATERIALS = frozenset({"PRODUCT_PHOTOS", "INVOICE"})
PHOTO_FORMATS = frozenset({FileFormat.JPEG, FileFormat.PNG, FileFormat.HEIC, FileFormat.PDF})
# How long after a declaration stops being valid inspectors may still open its photos (an
# outcome may be recorded up to 7 days late), and the person may not delete them.
PHOTO_GRACE = timedelta(days=7)
INSPECTING_ROLES = frozenset({Role.INSPECTOR, Role.SUPERVISOR})


async def _check_photos(
    articles: list[ArticleInput], *, account_id: uuid.UUID
) -> dict[str, uuid.UUID]:
    """Each photo must be a document the declarant owns (not an enterprise's), still in the
    vault, and a picture or PDF of goods or a receipt."""
    wanted: dict[int, uuid.UUID | None] = {
        index: vault.parse_id(article.photo_document_id.strip())
        for index, article in enumerate(articles)
        if article.photo_document_id
    }
    keys = {key for key in wanted.values() if key is not None}
    found = {d.id: d for d in await Document.filter(id__in=keys)} if keys else {}
    photos: dict[str, uuid.UUID] = {}
    for index, key in wanted.items():
        path = f"input.articles.{index}.photoDocumentId"
        document = found.get(key) if key is not None else None
        if document is None or document.account_id != account_id:
            # Someone else's document reads as missing: ids cannot be probed.
            raise DeclarationProblem(DeclarationErrorCode.PHOTO_NOT_FOUND, field=path)
        if document.file_format not in PHOTO_FORMATS or document.material_code not in (
            PHOTO_MATERIALS
        ):
            raise DeclarationProblem(DeclarationErrorCode.PHOTO_WRONG_TYPE, field=path)
        photos[articles[index].key] = document.id
    return photos


async def inspector_may_view_photo(officer: Principal, document_id: uuid.UUID) -> bool:
    """The vault asks this before serving a file to an officer: an inspector (or supervisor)
    may open the photo of an article in a declaration that is still in force at the channel
    (or a week after), or in one they recorded the outcome of."""
    if not officer.roles & INSPECTING_ROLES or officer.account_id is None:
        return False
    # Only at the ports where the officer serves. A unit may be a name, not a port code: only
    # values that can be a port code are compared (a longer one would fail the column's check).
    ports = fitting(Declaration, "port_code", await officer_posts(officer.account_id))
    photos = DeclarationPhoto.filter(document_id=document_id, declaration__port_code__in=ports)
    since = clock.now() - PHOTO_GRACE
    if await photos.filter(declaration__valid_until__gte=since).exists():
        return True
    return await photos.filter(declaration__outcomes__officer_id=officer.account_id).exists()


async def photo_in_use(document_id: uuid.UUID) -> bool:
    """A photo of a declaration still in force cannot be deleted from the vault."""
    since = clock.now() - PHOTO_GRACE
    return await DeclarationPhoto.filter(
        document_id=document_id, declaration__valid_until__gte=since
    ).exists()


vault.register_officer_grant(inspector_may_view_photo)
vault.register_usage_check(photo_in_use)
