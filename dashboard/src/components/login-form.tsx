import { useEffect, useRef, useState } from 'preact/hooks';

export interface LoginFormProps {
  /** The key last entered was refused: say so above the field. */
  wasKeyRefused: boolean;
  onLogIn(key: string): void;
}

/**
 * Asks for the admin key (`ARBITER_ADMIN_KEY`) after a data call was refused. The key is sent as
 * `Authorization: Bearer` and kept for this tab only; the field is a password field so it is not shown
 * on screen or offered to autofill history.
 */
export function LoginForm({ wasKeyRefused, onLogIn }: LoginFormProps) {
  const [key, setKey] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  return (
    <section class="login" aria-labelledby="login-title">
      <h1 id="login-title">Log in</h1>
      <p>This gateway has gateway keys, so its dashboard needs the admin key (ARBITER_ADMIN_KEY).</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (key.trim()) onLogIn(key.trim());
        }}
      >
        {wasKeyRefused ? (
          <p class="notice notice-error" role="alert" id="login-error">
            That key was refused. Check it and try again.
          </p>
        ) : null}
        <label for="admin-key">Admin key</label>
        <input
          ref={input}
          id="admin-key"
          name="admin-key"
          type="password"
          autocomplete="off"
          spellcheck={false}
          required
          aria-describedby={wasKeyRefused ? 'login-error' : undefined}
          value={key}
          onInput={(event) => setKey(event.currentTarget.value)}
        />
        <button type="submit" class="button-primary">
          Log in
        </button>
      </form>
    </section>
  );
}
