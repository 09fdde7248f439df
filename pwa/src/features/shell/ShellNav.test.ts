import { describe, expect, it } from 'vitest';
import { officerNavItems } from './ShellNav';

const hrefs = (roles: string[]) => officerNavItems(roles).map((item) => item.href);

describe('an officer’s navigation', () => {
  it('opens the tools of their roles and none of the traveller’s screens', () => {
    expect(hrefs(['inspector'])).toEqual(['/officer', '/officer/verify', '/me']);
    expect(hrefs(['reviewer'])).toEqual(['/officer', '/officer/verify', '/officer/reviews', '/me']);
    expect(hrefs(['window_clerk'])).toEqual(['/officer', '/officer/verify', '/officer/appointments', '/me']);
    const all = hrefs(['senior_reviewer', 'supervisor', 'administrator']);
    expect(all).toEqual(['/officer', '/officer/verify', '/officer/reviews', '/officer/appointments', '/officer/feedback', '/me']);
    for (const roles of [['inspector'], ['reviewer'], ['window_clerk'], ['administrator']]) {
      expect(hrefs(roles).some((href) => ['/declare', '/services', '/appointments', '/'].includes(href))).toBe(false);
    }
  });
});
