import { describe, expect, it } from 'vitest';
import { asSentence } from './servicesStore';

describe('asSentence', () => {
  it('ends an English definition with a full stop so the next sentence reads apart', () => {
    expect(asSentence('Full name of the person or enterprise')).toBe('Full name of the person or enterprise.');
  });

  it('ends a Chinese definition with a Chinese full stop', () => {
    expect(asSentence('个人或企业的全称')).toBe('个人或企业的全称。');
  });

  it('leaves punctuated or empty text alone', () => {
    expect(asSentence('Mobile or landline.')).toBe('Mobile or landline.');
    expect(asSentence('用途？')).toBe('用途？');
    expect(asSentence('  ')).toBe('');
  });
});
