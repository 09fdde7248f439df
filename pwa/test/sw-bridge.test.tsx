import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../src/i18n';

// A fake ServiceWorkerContainer whose registration already has a new version waiting.
function fakeServiceWorker() {
  const listeners: Record<string, (() => void)[]> = {};
  const waiting = { postMessage: vi.fn(), state: 'installed', addEventListener: vi.fn() };
  const registration = {
    waiting,
    installing: null,
    update: vi.fn(async () => undefined),
    addEventListener: vi.fn(),
  };
  const container = {
    controller: {},
    register: vi.fn(async () => registration),
    addEventListener: (type: string, fn: () => void) => {
      (listeners[type] ??= []).push(fn);
    },
  };
  const fire = (type: string) => listeners[type]?.forEach((fn) => fn());
  return { container, waiting, fire };
}

describe('sw-bridge update flow', () => {
  let sw: ReturnType<typeof fakeServiceWorker>;
  let reload: ReturnType<typeof vi.fn>;

  beforeEach(async () => {
    vi.resetModules();
    await setLocale('en');
    sw = fakeServiceWorker();
    Object.defineProperty(navigator, 'serviceWorker', { value: sw.container, configurable: true });
    reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload } as Location);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    localStorage.clear();
  });

  it('registers /sw.js with scope / and offers, but does not apply, a waiting version', async () => {
    const bridge = await import('../src/sw-bridge');

    await bridge.registerServiceWorker();

    expect(sw.container.register).toHaveBeenCalledWith('/sw.js', { scope: '/' });
    expect(bridge.updateAvailable.value).toBe(true);
    expect(sw.waiting.postMessage).not.toHaveBeenCalled();
    sw.fire('controllerchange'); // e.g. another tab updated: this page must not reload itself
    expect(reload).not.toHaveBeenCalled();
  });

  it('refuses to apply the update while a form is dirty', async () => {
    const bridge = await import('../src/sw-bridge');
    await bridge.registerServiceWorker();
    bridge.setFormDirty('declaration-form', true);

    expect(bridge.applyUpdate()).toBe(false);
    expect(sw.waiting.postMessage).not.toHaveBeenCalled();

    bridge.setFormDirty('declaration-form', false);
    expect(bridge.applyUpdate()).toBe(true);
    expect(sw.waiting.postMessage).toHaveBeenCalledWith({ type: 'SKIP_WAITING' });
    sw.fire('controllerchange');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('prompt hides the reload button while a form is dirty', async () => {
    const bridge = await import('../src/sw-bridge');
    const { UpdatePrompt } = await import('../src/components/UpdatePrompt');
    await bridge.registerServiceWorker();
    const container = document.createElement('div');

    act(() => render(<UpdatePrompt />, container));
    expect(container.textContent).toContain('A new version of Palm Customs is available.');
    expect([...container.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Reload to update', 'Not now']);

    act(() => bridge.setFormDirty('f', true));
    expect(container.textContent).toContain('Finish or leave the form');
    expect([...container.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Not now']);
    render(null, container);
  });
});
