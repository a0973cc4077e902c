import { useState } from 'react';
import { T, zh } from './bilingual';
import { gateApi, type SignedInAccount } from './gate-api';

export function SignIn({
  onSignedIn,
  signedOutNote,
}: {
  onSignedIn: (account: SignedInAccount) => void;
  /** Just signed out on this phone: say that it took effect here, and on the server once online. */
  signedOutNote: boolean;
}) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <main className="g-page">
      <h1>
        <T k="title" />
      </h1>
      {signedOutNote && (
        <p className="g-muted" data-testid="g-signed-out">
          <T k="signedOutNote" />
        </p>
      )}
      <form
        className="g-form"
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          setError(null);
          gateApi
            .login(username.trim(), password)
            .then(({ account }) => onSignedIn(account))
            .catch((e: unknown) => setError(e instanceof Error ? e.message : zh('loginFailed')))
            .finally(() => setBusy(false));
        }}
      >
        <label className="g-field">
          <T k="username" />
          <input
            value={username}
            autoComplete="username"
            onChange={(e) => setUsername(e.target.value)}
            data-testid="g-username"
          />
        </label>
        <label className="g-field">
          <T k="password" />
          <input
            type="password"
            value={password}
            autoComplete="current-password"
            onChange={(e) => setPassword(e.target.value)}
            data-testid="g-password"
          />
        </label>
        {error && (
          <p className="g-warn" role="alert">
            {error}
          </p>
        )}
        <button
          type="submit"
          className="g-btn g-primary"
          disabled={busy || !username || !password}
          data-testid="g-login"
        >
          <T k="signIn" />
        </button>
      </form>
    </main>
  );
}
