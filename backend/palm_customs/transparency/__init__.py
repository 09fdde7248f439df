"""Transparency for people: who opened or changed their records, from the audit log."""
