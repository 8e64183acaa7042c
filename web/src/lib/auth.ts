// Where the bearer token comes from (documented in web/README.md):
//  1. a host app embedding the page passes it in the URL fragment: `/problem/?slug=two-sum#token=<jwt>`
//     (read once, then removed from the address bar so it is not bookmarked or leaked in a Referer);
//  2. a host app embedding CodeRoom frames /embed/ instead, which takes the token by postMessage from EMBED_ORIGINS
//     only (EmbedView.tsx, docs/embedding.md);
//  3. in development mode (no JWT_SECRET on the service) the page's own sign-in calls POST /api/dev/token.
// The token lives in sessionStorage: per tab, gone when the tab closes.

const KEY = 'coderoom:token';
type Listener = (token: string | null) => void;
const listeners = new Set<Listener>();
let memoryToken: string | null = null;

function storage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.sessionStorage : null;
  } catch {
    return null;
  }
}

export function getToken(): string | null {
  return storage()?.getItem(KEY) ?? memoryToken;
}

export function setToken(token: string | null): void {
  memoryToken = token;
  const s = storage();
  if (s) {
    if (token) s.setItem(KEY, token);
    else s.removeItem(KEY);
  }
  listeners.forEach((l) => l(token));
}

export function onTokenChange(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The claims of a JWT, without verifying it (the server does): used only to key local storage and pick views. */
export function tokenClaims(token: string | null): { sub?: string; role?: string | string[] } | null {
  if (!token) return null;
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as { sub?: string; role?: string | string[] };
    return claims && typeof claims === 'object' ? claims : null;
  } catch {
    return null;
  }
}

/** The user id (`sub`) of a JWT, without verifying it (the server does): used only to key local storage. */
export function tokenSubject(token: string | null): string | null {
  return tokenClaims(token)?.sub ?? null;
}

/** The `role` claim (candidate|admin), or null when the token has none; the server still checks every call. */
export function tokenRole(token: string | null): string | null {
  const role = tokenClaims(token)?.role;
  if (Array.isArray(role)) return role.includes('admin') ? 'admin' : (role[0] ?? null);
  return typeof role === 'string' ? role : null;
}

/** Reads `#token=` (and `attempt_id=`) from the fragment and strips them. */
export function installHostTokenSources(onAttempt?: (attemptId: string) => void): () => void {
  if (typeof window === 'undefined') return () => {};
  const hash = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const fromHash = hash.get('token');
  const attemptFromHash = hash.get('attempt_id');
  if (fromHash) setToken(fromHash);
  if (attemptFromHash) onAttempt?.(attemptFromHash);
  if (fromHash || attemptFromHash) {
    hash.delete('token');
    hash.delete('attempt_id');
    const rest = hash.toString();
    window.history.replaceState(null, '', window.location.pathname + window.location.search + (rest ? `#${rest}` : ''));
  }
  // No postMessage here (issue 16): the app's pages cannot be framed (CSP frame-ancestors 'none'), and a message
  // from any window would otherwise set the token. A host app frames /embed/, which hears only EMBED_ORIGINS.
  return () => {};
}
