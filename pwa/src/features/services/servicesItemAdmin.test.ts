import { describe, expect, it } from 'vitest';
import type { ServicesItemFullFragment } from '../../graphql/generated/graphql';
import { localizedFieldId } from './ServicesAdminForm';
import { feeFen, itemFieldId, itemInput, itemMissing, itemValues, withMaterial, workingDays } from './servicesItemAdmin';

const text = (en: string) => ({ zhHans: `${en}（简）`, zhHant: `${en}（繁）`, en });
const ITEM: ServicesItemFullFragment = {
  code: 'PETS_ENTRY',
  version: 3,
  category: 'PASSENGER_ARTICLES',
  handlingMode: 'PREREVIEW_THEN_ONSITE',
  name: text('Bringing a pet into China'),
  description: text('Cats and dogs'),
  legalBasis: text('Law'),
  conditions: text('One pet per person'),
  fees: text('Free'),
  fee: null,
  onsiteReason: null,
  form: [],
  materials: [
    { material: 'PASSPORT', required: true },
    { material: 'MICROCHIP_RECORD', required: false },
  ],
  departments: ['quarantine'],
  reviewLevels: 1,
  timeLimitDays: 1,
} as ServicesItemFullFragment;

describe('service item form', () => {
  it('sends nothing when nothing changed, and only what changed otherwise (texts trimmed)', () => {
    const values = itemValues(ITEM);
    expect(itemInput(ITEM, values)).toEqual({});
    values.texts.name = { ...values.texts.name, en: '  Pets entering China ' };
    values.days = '5';
    values.levels = '2';
    expect(itemInput(ITEM, values)).toEqual({
      name: { ...ITEM.name, en: 'Pets entering China' },
      timeLimitDays: 5,
      reviewLevels: 2,
    });
  });

  it('keeps the order of the materials asked for and adds new ones last', () => {
    const start = itemValues(ITEM).materials;
    expect(withMaterial(start, 'MICROCHIP_RECORD', 'required')).toEqual([
      { material: 'PASSPORT', required: true },
      { material: 'MICROCHIP_RECORD', required: true },
    ]);
    expect(withMaterial(start, 'PASSPORT', '')).toEqual([{ material: 'MICROCHIP_RECORD', required: false }]);
    const added = withMaterial(start, 'RABIES_VACCINATION', 'optional');
    expect(added.at(-1)).toEqual({ material: 'RABIES_VACCINATION', required: false });
    expect(itemInput(ITEM, { ...itemValues(ITEM), materials: added }).materials).toEqual(added);
  });

  it('says every missing text and a bad time limit, each linked to its field', () => {
    const values = itemValues(ITEM);
    values.texts.name = { ...values.texts.name, en: ' ' };
    values.texts.fees = { ...values.texts.fees, zhHant: '' };
    values.days = '366';
    expect(itemMissing(values).map((e) => e.fieldId)).toEqual(['item-admin-name-en', 'item-admin-fees-zhHant', 'item-admin-days']);
    expect(itemMissing(itemValues(ITEM))).toEqual([]);
  });

  it('reads the time limit as whole working days from 1 to 365', () => {
    expect(workingDays(' 20 ')).toBe(20);
    expect(workingDays('365')).toBe(365);
    for (const bad of ['', '0', '366', '2.5', 'ten', '-1']) expect(workingDays(bad)).toBeNull();
  });

  it('links each server field path to its control', () => {
    const sent = [
      { material: 'PASSPORT', required: true },
      { material: 'NOPE', required: true },
    ];
    expect(itemFieldId('input.name.zhHant', sent)).toBe('item-admin-name-zhHant');
    expect(itemFieldId('input.conditions.en', sent)).toBe('item-admin-conditions-en');
    expect(itemFieldId('input.timeLimitDays', sent)).toBe('item-admin-days');
    expect(itemFieldId('input.reviewLevels', sent)).toBe('item-admin-levels');
    expect(itemFieldId('input.materials.1.material', sent)).toBe('item-admin-material-NOPE');
    expect(itemFieldId('input.materials.7.material', sent)).toBe('item-admin-item');
    expect(itemFieldId('code', sent)).toBe('item-admin-item');
    expect(itemFieldId(null, sent)).toBe('item-admin-item');
  });

  it('matches a localized path only for its own field', () => {
    expect(localizedFieldId('input.name.en', 'name', 'x')).toBe('x-en');
    expect(localizedFieldId('input.fees.en', 'name', 'x')).toBeNull();
    expect(localizedFieldId('input.name.fr', 'name', 'x')).toBeNull();
  });

  it('reads the fee in yuan as integer fen, and sends it only when it changed', () => {
    expect(feeFen('50')).toBe(5000);
    expect(feeFen('50.5')).toBe(5050);
    expect(feeFen(' 0.07 ')).toBe(7);
    expect(feeFen('')).toBe(0);
    for (const bad of ['-1', '1.234', 'abc', '1000000.01', '5e3']) expect(feeFen(bad)).toBeNull();
    const values = itemValues(ITEM);
    expect(values.fee).toBe('0');
    expect(itemInput(ITEM, values).fee).toBeUndefined();
    expect(itemInput(ITEM, { ...values, fee: '120.00', feeDue: 'AFTER_PREREVIEW' }).fee).toEqual({ amountFen: 12000, due: 'AFTER_PREREVIEW' });
    expect(itemMissing({ ...values, fee: '12.345' }).map((e) => e.fieldId)).toEqual(['item-admin-fee']);
    const paid = { ...ITEM, fee: { amountFen: 5000, due: 'ON_SUBMISSION' } } as ServicesItemFullFragment;
    expect(itemValues(paid).fee).toBe('50.00');
    expect(itemInput(paid, { ...itemValues(paid), fee: '0' }).fee).toEqual({ amountFen: 0, due: 'ON_SUBMISSION' });
    expect(itemFieldId('input.fee.amountFen', [])).toBe('item-admin-fee');
  });
});
