'use client';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError, createClient, describeError } from '../api/client';
import { installHostTokenSources, setToken } from '../lib/auth';
import { useToken } from '../lib/hooks';

export const HOST_ATTEMPT_KEY = 'coderoom:host-attempt';

/** Shows children once a token is known; otherwise the development sign-in (or a wait for the host app). */
export function AuthGate({ children, defaultRole = 'candidate' }: { children: ReactNode; defaultRole?: 'candidate' | 'admin' }) {
  const token = useToken();
  useEffect(
    () =>
      installHostTokenSources((attemptId) => {
        sessionStorage.setItem(HOST_ATTEMPT_KEY, attemptId);
      }),
    [],
  );
  if (token === undefined) return <div className="pad muted">Loading…</div>;
  if (!token) return <DevSignIn defaultRole={defaultRole} />;
  return <>{children}</>;
}

function DevSignIn({ defaultRole }: { defaultRole: 'candidate' | 'admin' }) {
  const [userId, setUserId] = useState(defaultRole === 'admin' ? 'admin-1' : 'candidate-1');
  const [role, setRole] = useState<'candidate' | 'admin'>(defaultRole);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [noDevMode, setNoDevMode] = useState(false);

  const signIn = async (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setToken(await createClient({ token: () => null }).devToken(userId.trim(), role));
    } catch (err) {
      if (err instanceof ApiError && (err.kind === 'not_found' || err.status === 403)) setNoDevMode(true);
      else setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="signin">
      <form onSubmit={signIn} className="card" data-testid="signin">
        <h1>CodeRoom</h1>
        {noDevMode ? (
          <p role="status">
            This service is not in development mode. Open this page from your interview app, which passes your session token.
          </p>
        ) : (
          <>
            <p className="muted small">Development sign-in (the service runs without JWT_SECRET).</p>
            <label>
              User id
              <input value={userId} onChange={(e) => setUserId(e.target.value)} required data-testid="signin-user" />
            </label>
            <label>
              Role
              <select value={role} data-testid="signin-role" onChange={(e) => setRole(e.target.value as 'candidate' | 'admin')}>
                <option value="candidate">candidate</option>
                <option value="admin">admin</option>
              </select>
            </label>
            <button type="submit" className="primary" disabled={busy} data-testid="signin-submit">
              {busy ? 'Signing in…' : 'Sign in'}
            </button>
            {error && (
              <div className="banner error" role="alert">
                {error}
              </div>
            )}
          </>
        )}
      </form>
    </div>
  );
}
