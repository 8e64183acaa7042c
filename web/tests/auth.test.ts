import { afterEach, describe, expect, it, vi } from 'vitest';
import { getToken, installHostTokenSources, setToken, tokenSubject } from '../src/lib/auth';

afterEach(() => {
  setToken(null);
  window.history.replaceState(null, '', '/');
});

const jwt = (claims: object) => `e30.${btoa(JSON.stringify(claims)).replace(/=+$/, '')}.sig`;

describe('token from the embedding page', () => {
  it('reads #token= and attempt_id from the fragment, then removes them from the URL', () => {
    window.history.replaceState(null, '', '/problem/?slug=two-sum#token=abc.def.ghi&attempt_id=att-1');
    const onAttempt = vi.fn();
    const stop = installHostTokenSources(onAttempt);
    expect(getToken()).toBe('abc.def.ghi');
    expect(onAttempt).toHaveBeenCalledWith('att-1');
    expect(window.location.hash).toBe('');
    expect(window.location.search).toBe('?slug=two-sum');
    stop();
  });

  it('takes no token by postMessage (only /embed/ does, from EMBED_ORIGINS)', async () => {
    const stop = installHostTokenSources();
    window.dispatchEvent(new MessageEvent('message', { data: { type: 'coderoom:token', token: 'from-anyone' } }));
    expect(getToken()).toBeNull();
    stop();
  });

  it('reads the subject of a token to key local storage', () => {
    expect(tokenSubject(jwt({ sub: 'cand-7', role: 'candidate' }))).toBe('cand-7');
    expect(tokenSubject('garbage')).toBeNull();
  });
});
