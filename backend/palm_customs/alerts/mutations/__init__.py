from __future__ import annotations

import strawberry

from palm_customs.alerts.mutations.audit_alert_acknowledge import audit_alert_acknowledge
from palm_customs.alerts.mutations.audit_alert_rule_update import audit_alert_rule_update


@strawberry.type
class AlertMutation:
    audit_alert_acknowledge = audit_alert_acknowledge
    audit_alert_rule_update = audit_alert_rule_update
