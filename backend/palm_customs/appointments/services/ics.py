"""A booking as an iCalendar (.ics) event."""

from __future__ import annotations

from datetime import UTC, datetime

from palm_customs.appointments.models import Booking, Site


def _ics_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _ics_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _fold(line: str) -> list[str]:
    """RFC 5545 3.1: lines longer than 75 octets continue on the next line after a space,
    never splitting a UTF-8 character."""
    parts: list[str] = []
    current = ""
    limit = 75
    for char in line:
        if len((current + char).encode()) > limit:
            parts.append(current)
            current = " "
            limit = 75
        current += char
    parts.append(current)
    return parts


def calendar_ics(
    booking: Booking, site: Site, *, title: str, address: str, description: str | None = None
) -> str:
    """An RFC 5545 calendar with the appointment as one event (CRLF line ends, long lines
    folded). `description` defaults to the booking number."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Palm Customs//Appointments//EN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{booking.number}@palm-customs",
        f"DTSTAMP:{_ics_time(booking.created_at)}",
        f"DTSTART:{_ics_time(booking.starts_at)}",
        f"DTEND:{_ics_time(booking.ends_at)}",
        f"SUMMARY:{_ics_text(title)}",
        f"LOCATION:{_ics_text(address)}",
        f"GEO:{site.latitude:.6f};{site.longitude:.6f}",
        f"DESCRIPTION:{_ics_text(description or booking.number)}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(part for line in lines for part in _fold(line)) + "\r\n"
