from __future__ import annotations

import strawberry

from palm_customs.appointments.mutations.booking_cancel import booking_cancel
from palm_customs.appointments.mutations.booking_check_in import booking_check_in
from palm_customs.appointments.mutations.booking_create import booking_create
from palm_customs.appointments.mutations.booking_late_report import booking_late_report
from palm_customs.appointments.mutations.booking_offer_confirm import booking_offer_confirm
from palm_customs.appointments.mutations.booking_outcome_record import booking_outcome_record
from palm_customs.appointments.mutations.booking_release import booking_release
from palm_customs.appointments.mutations.booking_reschedule import booking_reschedule
from palm_customs.appointments.mutations.draw_create import draw_create
from palm_customs.appointments.mutations.draw_enter import draw_enter
from palm_customs.appointments.mutations.fairness_rule_set import fairness_rule_set
from palm_customs.appointments.mutations.identity_verify_at_window import (
    identity_verify_at_window,
)
from palm_customs.appointments.mutations.queue_call_next import queue_call_next
from palm_customs.appointments.mutations.site_closure_add import site_closure_add
from palm_customs.appointments.mutations.waitlist_join import waitlist_join
from palm_customs.appointments.mutations.waitlist_leave import waitlist_leave


@strawberry.type
class AppointmentMutation:
    booking_create = booking_create
    booking_reschedule = booking_reschedule
    booking_cancel = booking_cancel
    booking_release = booking_release
    booking_late_report = booking_late_report
    booking_offer_confirm = booking_offer_confirm
    waitlist_join = waitlist_join
    waitlist_leave = waitlist_leave
    booking_check_in = booking_check_in
    queue_call_next = queue_call_next
    booking_outcome_record = booking_outcome_record
    site_closure_add = site_closure_add
    draw_create = draw_create
    draw_enter = draw_enter
    fairness_rule_set = fairness_rule_set
    identity_verify_at_window = identity_verify_at_window
