"""Every DataLoader of one request, each made on first use (style: `XByYLoader`, per request).

Built in `get_context`, so nothing is cached beyond the request. A page query resolves its
rows concurrently (`asyncio.gather`), and each loader turns the rows' lookups into one query.
Domain modules are imported on first use: this module is imported by the context, which
every domain imports.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from palm_customs.applications.loaders import (
        ApplicationByIdLoader,
        CorrectionListsByRevisionLoader,
        EventsByApplicationLoader,
        HolidayCalendarLoader,
        ReviewsByApplicationLoader,
    )
    from palm_customs.appointments.loaders import ApplicationNumberByIdLoader, SiteByIdLoader
    from palm_customs.catalogue.loaders import MaterialTypeByCodeLoader, ServiceItemByCodeLoader
    from palm_customs.declarations.loaders import InspectionOutcomeByDeclarationLoader
    from palm_customs.documents.loaders import DocumentByIdLoader


class Loaders:
    @cached_property
    def application_by_id(self) -> ApplicationByIdLoader:
        from palm_customs.applications.loaders import ApplicationByIdLoader

        return ApplicationByIdLoader()

    @cached_property
    def reviews_by_application(self) -> ReviewsByApplicationLoader:
        from palm_customs.applications.loaders import ReviewsByApplicationLoader

        return ReviewsByApplicationLoader()

    @cached_property
    def events_by_application(self) -> EventsByApplicationLoader:
        from palm_customs.applications.loaders import EventsByApplicationLoader

        return EventsByApplicationLoader()

    @cached_property
    def correction_lists_by_revision(self) -> CorrectionListsByRevisionLoader:
        from palm_customs.applications.loaders import CorrectionListsByRevisionLoader

        return CorrectionListsByRevisionLoader()

    @cached_property
    def holiday_calendar(self) -> HolidayCalendarLoader:
        from palm_customs.applications.loaders import HolidayCalendarLoader

        return HolidayCalendarLoader()

    @cached_property
    def site_by_id(self) -> SiteByIdLoader:
        from palm_customs.appointments.loaders import SiteByIdLoader

        return SiteByIdLoader()

    @cached_property
    def inspection_outcome_by_declaration(self) -> InspectionOutcomeByDeclarationLoader:
        from palm_customs.declarations.loaders import InspectionOutcomeByDeclarationLoader

        return InspectionOutcomeByDeclarationLoader()

    @cached_property
    def document_by_id(self) -> DocumentByIdLoader:
        from palm_customs.documents.loaders import DocumentByIdLoader

        return DocumentByIdLoader()

    @cached_property
    def application_number_by_id(self) -> ApplicationNumberByIdLoader:
        from palm_customs.appointments.loaders import ApplicationNumberByIdLoader

        return ApplicationNumberByIdLoader()

    @cached_property
    def service_item_by_code(self) -> ServiceItemByCodeLoader:
        from palm_customs.catalogue.loaders import ServiceItemByCodeLoader

        return ServiceItemByCodeLoader()

    @cached_property
    def material_type_by_code(self) -> MaterialTypeByCodeLoader:
        from palm_customs.catalogue.loaders import MaterialTypeByCodeLoader

        return MaterialTypeByCodeLoader()
