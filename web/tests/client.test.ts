import { describe, expect, it } from 'vitest';
import { ApiError, createClient, describeError, parseRetryAfter, pollUntilDone, toOutcome } from '../src/api/client';
import type { StatusResponse } from '../src/api/types';

function fakeFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
  return (async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers })) as unknown as typeof fetch;
}

describe('API client errors', () => {
  it('turns 429 with Retry-After into "Too many runs, try again in N s"', async () => {
    const api = createClient({ fetchImpl: fakeFetch(429, { title: 'Too Many Requests', status: 429 }, { 'Retry-After': '23' }), token: () => 't' });
    const err = await api.run({ attempt_id: 'a', problem_id: 'p', language: 'python', code: '' }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(describeError(err)).toBe('Too many runs, try again in 23 s');
  });

  it('shows the detail and field errors of a problem-details answer', async () => {
    const api = createClient({
      fetchImpl: fakeFetch(400, { title: 'One or more validation errors occurred.', status: 400, detail: 'Invalid request', errors: { code: ['must be at most 50 KB'] } }),
      token: () => 't',
    });
    const err = await api.submit({ attempt_id: 'a', problem_id: 'p', language: 'python', code: 'x' }).catch((e) => e);
    expect(describeError(err)).toBe('Invalid request\ncode: must be at most 50 KB');
  });

  it('names a lost connection and server errors', async () => {
    const down = createClient({ fetchImpl: (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch, token: () => null });
    expect(describeError(await down.problems().catch((e) => e))).toMatch(/Lost connection/);
    const broken = createClient({ fetchImpl: fakeFetch(503, { title: 'Service Unavailable' }), token: () => null });
    expect(describeError(await broken.problems().catch((e) => e))).toMatch(/server had a problem \(HTTP 503\)/);
  });

  it('formats Rust through POST /api/coding/format (no rustfmt runs in the browser)', async () => {
    let sent: { url: string; method?: string; body: unknown } | null = null;
    const api = createClient({
      fetchImpl: (async (url: string, init: RequestInit) => {
        sent = { url, method: init.method, body: JSON.parse(String(init.body)) };
        return new Response(JSON.stringify({ formatted: null, message: 'the code does not parse (line 2: expected `{`)' }), { status: 200 });
      }) as unknown as typeof fetch,
      token: () => 't',
    });
    const r = await api.format({ attempt_id: 'a', language: 'rust', code: 'fn f(' });
    expect(sent).toEqual({ url: '/api/coding/format', method: 'POST', body: { attempt_id: 'a', language: 'rust', code: 'fn f(' } });
    expect(r.formatted).toBeNull();
    expect(r.message).toMatch(/line 2/);
    const { EDITOR_TOOLS } = await import('../src/editor/registry');
    expect(EDITOR_TOOLS.rust.serverFormat).toBe(true);
    expect(EDITOR_TOOLS.rust.format).toBeUndefined();
  });

  it('sends the bearer token', async () => {
    let auth: string | null = null;
    const api = createClient({
      fetchImpl: (async (_: string, init: RequestInit) => {
        auth = (init.headers as Record<string, string>).Authorization;
        return new Response('[]', { status: 200 });
      }) as unknown as typeof fetch,
      token: () => 'abc',
    });
    await api.problems();
    expect(auth).toBe('Bearer abc');
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('5')).toBe(5);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 0)).toBe(10);
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('polling', () => {
  it('polls status until the run leaves queued/running', async () => {
    const answers: StatusResponse[] = [
      { id: 'r', status: 'running' },
      { id: 'r', status: 'accepted', summary: { passed: 3, total: 3, status: 'accepted' } },
    ];
    const seen: string[] = [];
    const done = await pollUntilDone(
      { status: async (id) => (seen.push(id), answers.shift()!) },
      toOutcome('submit', { submission_id: 'r', status: 'queued' }),
      { sleep: async () => undefined },
    );
    expect(seen).toEqual(['r', 'r']);
    expect(done.status).toBe('accepted');
    expect(done.summary?.passed).toBe(3);
  });
});
