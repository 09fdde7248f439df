import { describe, expect, it } from 'vitest';
import { materialFieldId, megabytes } from './ServicesMaterialAdmin';

describe('material type form', () => {
  it('links each server field path to its control', () => {
    expect(materialFieldId('input.name.zhHant')).toBe('material-admin-name-zhHant');
    expect(materialFieldId('input.acceptedFormats.2')).toBe('material-admin-format-jpeg');
    expect(materialFieldId('input.acceptedFormats')).toBe('material-admin-format-jpeg');
    expect(materialFieldId('input.maxBytes')).toBe('material-admin-size');
    expect(materialFieldId('code')).toBe('material-admin-code');
  });

  it('reads the size limit in MB, with a comma or a point', () => {
    expect(megabytes('10')).toBe(10 * 1024 * 1024);
    expect(megabytes('0,5')).toBe(512 * 1024);
    expect(megabytes(' 1.5 ')).toBe(1.5 * 1024 * 1024);
    expect(megabytes('')).toBeNull();
    expect(megabytes('ten')).toBeNull();
    expect(megabytes('-1')).toBeNull();
  });
});
