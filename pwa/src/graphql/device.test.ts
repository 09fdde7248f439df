import { describe, expect, it } from 'vitest';

import { deviceId, isSignUp } from './device';

function memory(): Pick<Storage, 'getItem' | 'setItem'> {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
  };
}

describe('deviceId', () => {
  it('is made once and kept, in the form the server accepts', () => {
    const storage = memory();
    const first = deviceId(storage);
    expect(first).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(deviceId(storage)).toBe(first);
    expect(deviceId(memory())).not.toBe(first);
  });

  it('replaces a kept value that is not of its form', () => {
    const storage = memory();
    storage.setItem('palm.device', 'bad id');
    expect(deviceId(storage)).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it('still answers when storage is refused', () => {
    const refusing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => undefined,
    };
    expect(deviceId(refusing)).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });
});

describe('isSignUp', () => {
  it('names only the operations that create an account', () => {
    expect(isSignUp('mutation A($input: PersonInput!) { accountCreateStart(input: $input) { __typename } }')).toBe(true);
    expect(isSignUp('mutation { accountCreateWithPassword(input: $i, password: $p) { __typename } }')).toBe(true);
    expect(isSignUp('mutation { accountDelete { __typename } }')).toBe(false);
    expect(isSignUp('query { me { id } }')).toBe(false);
  });
});
