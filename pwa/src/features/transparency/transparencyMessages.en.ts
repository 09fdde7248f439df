// transparency: English, the reference: its keys define TransparencyKey; the other languages must have exactly these keys.
import type { Message } from '../../i18n/catalogue';

const en = {
  'dataAccess.title': 'Who looked at my data',
  'dataAccess.link': 'Who looked at my data',
  'dataAccess.intro':
    'Each time a customs officer opens or changes one of your declarations, applications or documents, it is written to a signed, tamper-evident log. This is that record, newest first.',
  'dataAccess.empty': 'No officer has opened or changed your records.',
  'dataAccess.kind.DECLARATION': 'Declaration {label}',
  'dataAccess.kind.APPLICATION': 'Application for {label}',
  'dataAccess.kind.DOCUMENT': 'Document ({label})',
  'dataAccess.outcome.READ': 'Opened',
  'dataAccess.outcome.OK': 'Changed',
  'dataAccess.outcome.other': 'Refused attempt',
  'dataAccess.by': 'By: {unit}',
  'dataAccess.unit.unknown': 'a customs unit',
  'dataAccess.at': 'When: {at}',
  'dataAccess.pending': 'Being added to the signed log; the proof will be ready in a moment.',
  'dataAccess.proof': 'Get a proof',
  'dataAccess.proof.hint':
    'Anyone can check this proof against the log’s public key (/audit/keys), without trusting this app or its database.',
  'dataAccess.proof.none': 'No proof is available for this entry yet. Try again later.',
  'dataAccess.proof.heading': 'Proof for this entry',
} satisfies Record<string, Message>;

export type TransparencyKey = keyof typeof en;
export default en;
