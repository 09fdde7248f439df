"""Anomaly alerts from the audit log (异常预警): rules kept as data, evaluated over sealed events,
raised to supervisors in their workspace."""
