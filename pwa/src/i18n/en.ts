// The reference catalogue: its keys define MessageKey. zh-Hans and zh-Hant must have exactly these keys.
import type { Message } from './catalogue';

const en = {
  'app.name': 'Palm Customs',
  'app.skipLink': 'Skip to main content',
  'app.titleSuffix': 'Palm Customs',

  'nav.label': 'Main',
  'nav.home': 'Home',
  'nav.declare': 'Declare',
  'nav.services': 'Services',
  'nav.appointments': 'Appointments',
  'nav.officerLabel': 'Officer workspace',
  'nav.workspace': 'Workspace',
  'nav.verify': 'Verify',
  'nav.reviews': 'Reviews',
  'nav.day': 'Day',
  'nav.me': 'Me',
  'header.inbox': 'Inbox',
  'header.unread': '{count} unread',

  'lang.label': 'Language',
  'lang.zh-Hans': '简体中文',
  'lang.zh-Hant': '繁體中文',
  'lang.en': 'English',

  'home.title': 'Customs services on your phone',
  'home.intro':
    'Palm Customs brings the customs authority’s services to your phone and tablet: declare what you carry before you land, have the documents you must bring checked online before your visit, and book a time at a service window.',
  'home.journeys': 'What you can do',
  'home.declare.title': 'Declare articles',
  'home.declare.audience': 'For travellers',
  'home.declare.body': 'Declare the articles you carry, see an estimate of the duty before you land, and show a QR code at the customs channel.',
  'home.declare.cta': 'Go to Declare articles',
  'home.services.title': 'Services and pre-review',
  'home.services.audience': 'For individuals and enterprises',
  'home.services.body': 'Find a service, apply, and have your documents pre-reviewed online so you get one complete list of corrections before you come.',
  'home.services.cta': 'Go to Services and pre-review',
  'home.appointments.title': 'Appointments',
  'home.appointments.audience': 'For anyone visiting a customs office',
  'home.appointments.body': 'Book a time at a service window, then check in with a QR code when you arrive.',
  'home.appointments.cta': 'Go to Appointments',
  'home.officer.title': 'Officer workspace',
  'home.officer.audience': 'For customs officers',
  'home.officer.body': 'Work the review queue, check people in by QR code and record inspections, on a tablet.',
  'home.officer.cta': 'Go to the Officer workspace',

  'services.title': 'Services and pre-review',
  'appointments.title': 'Appointments',
  'officer.title': 'Officer workspace',
  'inbox.title': 'Inbox',
  'building.body': 'This part of Palm Customs is being built. See the home page for what the app will do.',
  'building.homeLink': 'Go to the home page',

  'notFound.title': 'Page not found',
  'notFound.body': 'If you typed the address, check it is correct. If you followed a link, go to the home page.',

  'loadError.title': 'This screen could not be loaded',
  'loadError.body': 'Check your internet connection, then try again.',
  'loadError.retry': 'Try again',

  'footer.label': 'About Palm Customs',
  'footer.serverVersion': 'Server version {version}',

  'update.available': 'A new version of Palm Customs is available.',
  'update.reload': 'Reload to update',
  'update.dirty': 'A new version is available. Finish or leave the form you are filling in, then reload.',
  'update.dismiss': 'Not now',

  'errorSummary.title': 'There is a problem',

  'loading': 'Loading…',
  'action.cancel': 'Cancel',
  'notice.error': 'There is a problem',
  'notice.done': 'Done',
  'error.network': 'You seem to be offline. Check your internet connection, then try again.',
  'error.server': 'Something went wrong on our side. Try again in a few minutes.',
  'offline.banner.title': 'You’re offline.',
  'offline.banner.body': 'Your answers are saved on this phone and sent when you are back online.',
  'offline.back.title': 'You’re back online.',
  'offline.back.sent': { count: 'count', one: 'Sent 1 item that was waiting.', other: 'Sent {count} items that were waiting.' },
  'offline.back.nothing': 'Nothing was waiting to be sent.',
  'error.retryAfter': { count: 'seconds', one: 'Try again in {seconds} second.', other: 'Try again in {seconds} seconds.' },

  'header.signIn': 'Sign in',
  'header.signedInAs': 'Signed in as',

  'document.RESIDENT_ID': 'Resident identity card',
  'document.PASSPORT': 'Passport',
  'document.TRAVEL_PERMIT': 'Travel permit',

  'officer.badge': 'Badge number',
  'officer.unit': 'Unit',
  'officer.signedInAs': 'Signed in as officer {badge}',
  'officer.signedOut': 'Sign in with your officer passkey. First time on this device? Set it up with the code from your administrator.',
  'officer.enrol.title': 'Set up this device for an officer',
  'officer.enrol.intro': 'Enter your badge number and the one-time code from your administrator. This device then gets a passkey for you.',
  'officer.enrol.link': 'Set up this device',
  'officer.enrol.code': 'One-time enrolment code',
  'officer.enrol.codeHint': 'Three groups of 6 characters, for example ABC123-DEF456-GHJ789.',
  'officer.enrol.badgeRequired': 'Enter your badge number',
  'officer.enrol.codeRequired': 'Enter the enrolment code',
  'officer.enrol.submit': 'Create my passkey',
  'officer.enrol.unsupported': 'This browser cannot create passkeys. Officers need one: use the service tablet or an up-to-date browser.',

  'officer.verify.link': 'Verify a declaration',
  'officer.reviews.link': 'Review queue',
  'officer.appointments.link': 'Appointments today (check-in and queue)',
  'officer.notices.link': 'Publish a policy notice',
  'officer.materials.link': 'Material types',
  'officer.items.link': 'Service items',
} as const satisfies Record<string, Message>;

export type MessageKey = keyof typeof en;
export default en;
