from __future__ import annotations

import strawberry

from palm_customs.notifications.mutations.notification_mark_all_read import (
    notification_mark_all_read,
)
from palm_customs.notifications.mutations.notification_mark_read import notification_mark_read
from palm_customs.notifications.mutations.notification_settings_save import (
    notification_settings_save,
)
from palm_customs.notifications.mutations.policy_notice_publish import policy_notice_publish
from palm_customs.notifications.mutations.push_subscription_delete import push_subscription_delete
from palm_customs.notifications.mutations.push_subscription_save import push_subscription_save


@strawberry.type
class NotificationMutation:
    notification_mark_read = notification_mark_read
    notification_mark_all_read = notification_mark_all_read
    push_subscription_save = push_subscription_save
    push_subscription_delete = push_subscription_delete
    notification_settings_save = notification_settings_save
    policy_notice_publish = policy_notice_publish
