// Pure rules of the apply form: client-side hints from the data dictionary, what the server's
// error paths point at, and the suggestions taken from the profile and earlier applications.
import type { ServicesDataElementFragment } from '../../graphql/generated/graphql';
import { parseRule } from './servicesHooks';

export const fieldId = (element: string) => `field-${element}`;
export const materialId = (material: string) => `material-${material}`;
export const expiryId = (material: string) => `material-${material}-expiry`;

export type FieldProblem = 'required' | 'choose' | 'format' | 'date' | 'tooLong';

/** What is wrong with one value, judged by its data element's format and rule (the server checks again). */
export function checkValue(element: ServicesDataElementFragment, value: string, required: boolean): FieldProblem | null {
  const rule = parseRule(element.ruleJson);
  const v = value.trim();
  if (!v) return required ? (element.format === 'choice' ? 'choose' : 'required') : null;
  switch (element.format) {
    case 'choice':
      return Array.isArray(rule.choices) && !rule.choices.includes(v) ? 'choose' : null;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? null : 'date';
    case 'pattern':
      try {
        return typeof rule.pattern === 'string' && !new RegExp(rule.pattern).test(v) ? 'format' : null;
      } catch {
        return null;
      }
    case 'phone':
      return /^\+?[0-9 -]{6,20}$/.test(v) ? null : 'format';
    case 'money':
      return /^\d+(\.\d{1,2})?$/.test(v) ? null : 'format';
    default: {
      const max = typeof rule.max_len === 'number' ? rule.max_len : 500;
      return v.length > max ? 'tooLong' : null;
    }
  }
}

export function maxLength(element: ServicesDataElementFragment): number | undefined {
  const rule = parseRule(element.ruleJson);
  return typeof rule.max_len === 'number' ? rule.max_len : undefined;
}

export function choices(element: ServicesDataElementFragment): string[] {
  const rule = parseRule(element.ruleJson);
  return Array.isArray(rule.choices) ? rule.choices.filter((c): c is string => typeof c === 'string') : [];
}

/**
 * The id of the control a server error path is about: `input.formData.<ELEMENT>`,
 * `input.materials.<n>.documentId|material` (n indexes the materials as sent) or
 * `input.materials.<CODE>` (a required material that is missing).
 */
export function fieldForPath(path: string, sentMaterials: readonly { material: string }[]): string | null {
  const parts = path.replace(/^input\./, '').split('.');
  if (parts[0] === 'formData' && parts[1]) return fieldId(parts[1]);
  if (parts[0] === 'materials' && parts[1]) {
    const index = Number(parts[1]);
    if (Number.isInteger(index) && /^\d+$/.test(parts[1])) {
      const sent = sentMaterials[index];
      return sent ? materialId(sent.material) : null;
    }
    return materialId(parts[1]);
  }
  return null;
}

export interface Suggestion {
  value: string;
  source: 'profile' | 'earlier';
}

/** Values we already know: the profile first, then the most recent earlier application. */
export function suggestions(
  elements: readonly string[],
  profile: { fullName?: string | null; mobile?: string | null; email?: string | null } | null | undefined,
  earlier: readonly { form: readonly { element: string; value: string }[]; submittedAt: string }[],
): Record<string, Suggestion> {
  const out: Record<string, Suggestion> = {};
  const fromProfile: Record<string, string | null | undefined> = {
    APPLICANT_NAME: profile?.fullName,
    CONTACT_PHONE: profile?.mobile,
    CONTACT_EMAIL: profile?.email,
  };
  const newestFirst = [...earlier].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  for (const element of elements) {
    const own = fromProfile[element];
    if (own) {
      out[element] = { value: own, source: 'profile' };
      continue;
    }
    for (const application of newestFirst) {
      const found = application.form.find((f) => f.element === element)?.value;
      if (found) {
        out[element] = { value: found, source: 'earlier' };
        break;
      }
    }
  }
  return out;
}

/** `field:APPLICANT_NAME` -> {kind: 'field', code: 'APPLICANT_NAME'}. */
export function parseTarget(target: string): { kind: 'field' | 'material'; code: string } | null {
  const [kind, code] = target.split(':', 2);
  if ((kind === 'field' || kind === 'material') && code) return { kind, code };
  return null;
}
