from __future__ import annotations

from enum import Enum

from palm_customs.core.errors import DomainError
from palm_customs.core.i18n import Language, translate


class DocumentErrorCode(Enum):
    NOT_FOUND = "not_found"
    MATERIAL_UNKNOWN = "material_unknown"
    NOT_A_MEMBER = "not_a_member"
    UNRECOGNISED_FORMAT = "unrecognised_format"
    FORMAT_NOT_ACCEPTED = "format_not_accepted"
    TOO_LARGE = "too_large"
    UNREADABLE = "unreadable"
    IMAGE_TOO_LARGE = "image_too_large"
    PDF_ACTIVE_CONTENT = "pdf_active_content"
    PDF_ENCRYPTED = "pdf_encrypted"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    WRONG_MATERIAL = "wrong_material"
    IN_USE = "in_use"


class DocumentProblem(DomainError):
    def __init__(
        self,
        code: DocumentErrorCode,
        *,
        field: str | None = None,
        params: dict[str, object] | None = None,
    ) -> None:
        super().__init__(code.value)
        self.code = code.value
        self.error_code = code
        self.field = field
        self.params = params or {}

    def message(self, language: Language) -> str:
        limit = self.params.get("limit")
        accepted = self.params.get("accepted")
        return translate(
            f"document.{self.code}",
            language,
            limit_mb=f"{int(limit) / (1024 * 1024):g}" if isinstance(limit, int) else "",
            found=str(self.params.get("found", "")).upper(),
            accepted=", ".join(str(a).upper() for a in accepted)
            if isinstance(accepted, list)
            else "",
        )
