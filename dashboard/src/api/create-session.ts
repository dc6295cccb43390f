/** Where the admin key is kept: `sessionStorage` in the page, a map in tests. */
export type KeyStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Who the dashboard calls the API as, and whether it must ask for the admin key. */
export interface Session {
  /** The admin key to send as `Authorization: Bearer`; undefined in open mode or before logging in. */
  readonly key: string | undefined;
  /** True after a data call was refused (401): the page shows the login form instead of data. */
  readonly isLoginRequired: boolean;
  /** True when the key last entered was refused too, so the form can say so. */
  readonly wasKeyRefused: boolean;
  logIn(key: string): void;
  logOut(): void;
  /** A data call answered 401. */
  requireLogin(): void;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

const storageKey = 'arbiter.adminKey';

/**
 * The login state. The key lives in `sessionStorage` (gone with the tab, never in a cookie the browser
 * would send by itself, never in the URL), so a 401 is the only thing that asks for it: in open mode
 * (no gateway key yet) every call simply works and no form shows.
 * @example const session = createSession(window.sessionStorage);
 */
export function createSession(storage: KeyStorage): Session {
  let key = storage.getItem(storageKey) ?? undefined;
  let isLoginRequired = false;
  let wasKeyRefused = false;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };

  return {
    get key() {
      return key;
    },
    get isLoginRequired() {
      return isLoginRequired;
    },
    get wasKeyRefused() {
      return wasKeyRefused;
    },
    logIn(entered) {
      key = entered.trim();
      storage.setItem(storageKey, key);
      isLoginRequired = false;
      notify();
    },
    logOut() {
      key = undefined;
      storage.removeItem(storageKey);
      // Only a gateway that asked for the key has one stored, so the form comes straight back.
      isLoginRequired = true;
      wasKeyRefused = false;
      notify();
    },
    requireLogin() {
      if (isLoginRequired) return;
      wasKeyRefused = key !== undefined;
      isLoginRequired = true;
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
