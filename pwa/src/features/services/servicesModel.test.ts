import { describe, expect, it } from 'vitest';
import { checkValue, fieldForPath, parseTarget, suggestions } from './servicesModel';
import { scaledSize } from './servicesUpload';

const element = (format: string, rule: object) => ({
  code: 'X',
  format,
  ruleJson: JSON.stringify(rule),
  name: { zhHans: '', zhHant: '', en: '' },
  definition: { zhHans: '', zhHant: '', en: '' },
});

describe('apply form rules', () => {
  it('checks a value by its data element', () => {
    expect(checkValue(element('pattern', { pattern: '^[0-9]{15}$' }), '123', true)).toBe('format');
    expect(checkValue(element('pattern', { pattern: '^[0-9]{15}$' }), '123456789012345', true)).toBeNull();
    expect(checkValue(element('choice', { choices: ['dog', 'cat'] }), '', true)).toBe('choose');
    expect(checkValue(element('text', { max_len: 3 }), 'abcd', true)).toBe('tooLong');
    expect(checkValue(element('date', {}), '2026-13-40', true)).toBe('date');
    expect(checkValue(element('text', {}), '', false)).toBeNull();
  });

  it('maps server error paths to the controls', () => {
    const sent = [{ material: 'PASSPORT' }, { material: 'PET_HEALTH_CERT' }];
    expect(fieldForPath('input.formData.MICROCHIP_NO', sent)).toBe('field-MICROCHIP_NO');
    expect(fieldForPath('input.materials.1.documentId', sent)).toBe('material-PET_HEALTH_CERT');
    expect(fieldForPath('input.materials.RABIES_VACCINATION', sent)).toBe('material-RABIES_VACCINATION');
    expect(fieldForPath('idempotencyKey', sent)).toBeNull();
  });

  it('suggests from the profile first, then the newest earlier application', () => {
    const found = suggestions(
      ['APPLICANT_NAME', 'PET_SPECIES', 'ARRIVAL_DATE'],
      { fullName: '陈美玲' },
      [
        { form: [{ element: 'PET_SPECIES', value: 'cat' }], submittedAt: '2026-01-01T00:00:00Z' },
        { form: [{ element: 'PET_SPECIES', value: 'dog' }], submittedAt: '2026-02-01T00:00:00Z' },
      ],
    );
    expect(found).toEqual({
      APPLICANT_NAME: { value: '陈美玲', source: 'profile' },
      PET_SPECIES: { value: 'dog', source: 'earlier' },
    });
  });

  it('parses correction targets', () => {
    expect(parseTarget('field:MICROCHIP_NO')).toEqual({ kind: 'field', code: 'MICROCHIP_NO' });
    expect(parseTarget('material:PASSPORT')).toEqual({ kind: 'material', code: 'PASSPORT' });
    expect(parseTarget('nonsense')).toBeNull();
  });

  it('scales the long side down to 1600 px and never up', () => {
    expect(scaledSize(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(scaledSize(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(scaledSize(800, 600)).toEqual({ width: 800, height: 600 });
  });
});
