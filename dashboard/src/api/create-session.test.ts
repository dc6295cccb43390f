import { describe, expect, it } from 'vitest';
import { createSession, type KeyStorage } from './create-session';

function createStorage(initial: Record<string, string> = {}): KeyStorage & { items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => void items.set(name, value),
    removeItem: (name) => void items.delete(name),
  };
}

describe('createSession', () => {
  it('starts without a key and without a login form: open mode just works', () => {
    const session = createSession(createStorage());
    expect([session.key, session.isLoginRequired, session.wasKeyRefused]).toEqual([undefined, false, false]);
  });

  it('asks for the key after a 401, keeps it for the tab, and tells listeners', () => {
    const storage = createStorage();
    const session = createSession(storage);
    let changes = 0;
    const unsubscribe = session.subscribe(() => changes++);
    session.requireLogin();
    session.requireLogin();
    expect([session.isLoginRequired, session.wasKeyRefused, changes]).toEqual([true, false, 1]);
    session.logIn('  arb_admin_key  ');
    expect([session.key, session.isLoginRequired, storage.items.get('arbiter.adminKey')]).toEqual([
      'arb_admin_key',
      false,
      'arb_admin_key',
    ]);
    unsubscribe();
    session.requireLogin();
    expect(changes).toBe(2);
    expect(session.wasKeyRefused).toBe(true);
  });

  it('remembers a stored key, and forgets it on log out (the form comes back)', () => {
    const storage = createStorage({ 'arbiter.adminKey': 'arb_admin_kept' });
    const session = createSession(storage);
    expect(session.key).toBe('arb_admin_kept');
    session.logOut();
    expect([session.key, session.isLoginRequired, session.wasKeyRefused, storage.items.size]).toEqual([
      undefined,
      true,
      false,
      0,
    ]);
  });
});
