import { describe, expect, it } from 'vitest';
import { createAdminClient, isForbidden, queryString } from '../src/api/admin';
import { ApiError } from '../src/api/client';
import problemsFixture from './fixtures/admin/problems.json';
import runLogsFixture from './fixtures/admin/run-logs.json';

function recordingFetch(status: number, body: unknown) {
  const calls: { url: string; auth: string | null }[] = [];
  const fetchImpl = (async (url: string, init?: RequestInit) => {
    calls.push({ url, auth: new Headers(init?.headers).get('Authorization') });
    return new Response(body === undefined ? null : JSON.stringify(body), { status });
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
}

describe('admin API client', () => {
  it('builds query strings from the defined values only', () => {
    expect(queryString({ a: 'x y', b: undefined, c: '', d: 0, e: null })).toBe('?a=x+y&d=0');
    expect(queryString({})).toBe('');
  });

  it('asks for the per-problem stats of a range with the bearer token', async () => {
    const { calls, fetchImpl } = recordingFetch(200, problemsFixture);
    const api = createAdminClient({ fetchImpl, token: () => 'admin-jwt' });
    const r = await api.problemStats({ from: '2026-12-05T00:00:00.000Z', to: '2026-12-05T01:00:00.000Z' });
    expect(r.items).toHaveLength(4);
    expect(calls[0].url).toBe('/api/admin/stats/problems?from=2026-12-05T00%3A00%3A00.000Z&to=2026-12-05T01%3A00%3A00.000Z');
    expect(calls[0].auth).toBe('Bearer admin-jwt');
  });

  it('passes the bucket to the timeline and every run-log filter', async () => {
    const { calls, fetchImpl } = recordingFetch(200, { items: [] });
    const api = createAdminClient({ fetchImpl, token: () => 't' });
    await api.timeline({ from: 'a', to: 'b' }, 'day');
    expect(calls[0].url).toBe('/api/admin/stats/timeline?from=a&to=b&bucket=day');
    await api.runLogs({ problem_id: 'two-sum', language: 'python', verdict: 'accepted', user_id: 'u 1', attempt_id: 'at', from: 'f', to: 't', cursor: 'c', limit: 50 });
    expect(calls[1].url).toBe(
      '/api/admin/run-logs?problem_id=two-sum&language=python&verdict=accepted&user_id=u+1&attempt_id=at&from=f&to=t&cursor=c&limit=50',
    );
    await api.runLog('id/../x');
    expect(calls[2].url).toBe('/api/admin/run-logs/id%2F..%2Fx');
  });

  it('reads a run-log page and its cursor; a bare array also works', async () => {
    const page = await createAdminClient({ fetchImpl: recordingFetch(200, runLogsFixture).fetchImpl, token: () => 't' }).runLogs({});
    expect(page.items).toHaveLength(2);
    expect(page.next_cursor).toBe('c2');
    const bare = await createAdminClient({ fetchImpl: recordingFetch(200, runLogsFixture.items).fetchImpl, token: () => 't' }).runLogs({});
    expect(bare).toEqual({ items: runLogsFixture.items, next_cursor: null });
  });

  it('treats 403 and 404 as "not allowed", other errors not', async () => {
    const forbidden = await createAdminClient({ fetchImpl: recordingFetch(403, { title: 'Forbidden' }).fetchImpl, token: () => 't' })
      .live()
      .catch((e) => e);
    expect(forbidden).toBeInstanceOf(ApiError);
    expect(isForbidden(forbidden)).toBe(true);
    const missing = await createAdminClient({ fetchImpl: recordingFetch(404, undefined).fetchImpl, token: () => 't' })
      .live()
      .catch((e) => e);
    expect(isForbidden(missing)).toBe(true);
    const broken = await createAdminClient({ fetchImpl: recordingFetch(500, undefined).fetchImpl, token: () => 't' })
      .live()
      .catch((e) => e);
    expect(isForbidden(broken)).toBe(false);
  });
});
