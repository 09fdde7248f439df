// alerts: English, the reference: its keys define AlertsKey; the other languages must have exactly these keys.
import type { Message } from '../../i18n/catalogue';

const en = {
  'alerts.title': 'Anomaly alerts',
  'alerts.link': 'Anomaly alerts',
  'alerts.intro':
    'Raised from the signed audit log by the rules below, about officers of your unit and accounts that are not officers’. Look into each one, then acknowledge it with a note.',
  'alerts.open': 'Open alerts',
  'alerts.all': 'All alerts',
  'alerts.refresh': 'Refresh',
  'alerts.empty': 'No alerts to look into.',
  'alerts.who': 'Who: {who}',
  'alerts.unit': 'Unit: {unit}',
  'alerts.events': { count: 'count', one: '1 event, {first} – {last}', other: '{count} events, {first} – {last}' },
  'alerts.raised': 'Raised: {at}',
  'alerts.acknowledged': 'Acknowledged: {at}',
  'alerts.note': 'Note',
  'alerts.note.hint': 'What you found (optional, up to 200 characters).',
  'alerts.acknowledge': 'Acknowledge',
  'alerts.done': 'Acknowledged.',
  'alerts.rules': 'Rules',
  'alerts.rule.count': { count: 'minutes', one: 'At least {threshold} in 1 minute', other: 'At least {threshold} in {minutes} minutes' },
  'alerts.rule.hours': 'Outside {start}–{end} on working days',
  'alerts.rule.on': 'On',
  'alerts.rule.off': 'Off',
  'alerts.rule.change': 'Change',
  'alerts.rule.change.named': 'Change the rule “{title}”',
  'alerts.rule.enabled': 'This rule raises alerts',
  'alerts.rule.threshold': 'Events that raise an alert',
  'alerts.rule.threshold.hint': 'A whole number from 1 to 10,000.',
  'alerts.rule.minutes': 'Within (minutes)',
  'alerts.rule.minutes.hint': 'A whole number of minutes, at most 10,080 (one week).',
  'alerts.rule.start': 'Working hours start',
  'alerts.rule.end': 'Working hours end',
  'alerts.rule.whole': 'Enter a whole number, like 20.',
  'alerts.rule.time': 'Enter a time of day, like 08:30.',
  'alerts.rule.save': 'Save the rule',
  'alerts.rule.cancel': 'Cancel',
  'alerts.rule.saved': 'Rule saved. Alerts follow it from the next check of the log.',
} satisfies Record<string, Message>;

export type AlertsKey = keyof typeof en;
export default en;
