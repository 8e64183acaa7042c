// Typed client for the admin API (issue 13). Same transport and errors as the candidate client (`createClient`):
// relative URLs, the bearer token from sessionStorage, ApiError with kind unauthorized/not_found/invalid (403).
import { ApiError, createClient, type ClientOptions } from './client';
import type {
  Bucket,
  LiveResponse,
  ProblemStatsResponse,
  RunLogDetail,
  RunLogFilter,
  RunLogPage,
  RuntimeResponse,
  TimeRange,
  TimelineResponse,
} from './admin-types';

/** `?a=1&b=2` from the defined, non-empty values (in the given order), or '' when there are none. */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Lists may arrive as `{items}` (the contract) or as a bare array; both become an array. */
function itemsOf<T>(data: { items?: T[] } | T[] | undefined): T[] {
  if (!data) return [];
  return Array.isArray(data) ? data : (data.items ?? []);
}

export function createAdminClient(opts: ClientOptions = {}) {
  const { request } = createClient(opts);
  return {
    problemStats: async (range: TimeRange, signal?: AbortSignal): Promise<ProblemStatsResponse> => ({
      items: itemsOf(await request<ProblemStatsResponse>('GET', `/api/admin/stats/problems${queryString({ ...range })}`, undefined, signal)),
    }),
    timeline: async (range: TimeRange, bucket: Bucket, signal?: AbortSignal): Promise<TimelineResponse> => ({
      items: itemsOf(await request<TimelineResponse>('GET', `/api/admin/stats/timeline${queryString({ ...range, bucket })}`, undefined, signal)),
    }),
    runtime: async (range: TimeRange, signal?: AbortSignal): Promise<RuntimeResponse> => ({
      items: itemsOf(await request<RuntimeResponse>('GET', `/api/admin/stats/runtime${queryString({ ...range })}`, undefined, signal)),
    }),
    live: (signal?: AbortSignal) => request<LiveResponse>('GET', '/api/admin/live', undefined, signal),
    runLogs: async (filter: RunLogFilter, signal?: AbortSignal): Promise<RunLogPage> => {
      const page = await request<RunLogPage | undefined>('GET', `/api/admin/run-logs${queryString({ ...filter })}`, undefined, signal);
      return { items: itemsOf(page), next_cursor: page?.next_cursor ?? null };
    },
    runLog: (id: string, signal?: AbortSignal) =>
      request<RunLogDetail>('GET', `/api/admin/run-logs/${encodeURIComponent(id)}`, undefined, signal),
  };
}

export type AdminClient = ReturnType<typeof createAdminClient>;

/** True when the answer means "you are not an admin" (403; 404 is how some deployments hide admin routes). */
export function isForbidden(e: unknown): boolean {
  return e instanceof ApiError && (e.status === 403 || e.status === 404);
}
