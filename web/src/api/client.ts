// The one place that talks HTTP to the service. All URLs are relative: the page is served by the API on the same
// origin, so no request ever leaves for another host.
import type {
  AttemptResponse,
  CheckRequest,
  CheckResponse,
  DevTokenResponse,
  Draft,
  DraftKey,
  FormatRequest,
  FormatResponse,
  Language,
  Outcome,
  ProblemDetail,
  ProblemDetails,
  ProblemSummary,
  RunRequest,
  RunResponse,
  StatusResponse,
  SubmitRequest,
  SubmitResponse,
} from './types';
import { PENDING_STATUSES } from './types';
import { getToken } from '../lib/auth';

export type ApiErrorKind = 'network' | 'rate_limited' | 'server' | 'unauthorized' | 'not_found' | 'invalid';

export class ApiError extends Error {
  constructor(
    public readonly kind: ApiErrorKind,
    public readonly status: number,
    message: string,
    public readonly problem?: ProblemDetails,
    public readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field errors of a validation problem, flattened to "field: message" lines. */
  get fieldErrors(): string[] {
    const errors = this.problem?.errors ?? {};
    return Object.entries(errors).flatMap(([field, msgs]) => msgs.map((m) => (field ? `${field}: ${m}` : m)));
  }
}

/** Parses Retry-After (seconds or an HTTP date) into whole seconds. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs)) return Math.max(0, Math.ceil(secs));
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** A message a candidate can act on. */
export function describeError(e: unknown): string {
  if (e instanceof ApiError) {
    switch (e.kind) {
      case 'network':
        return 'Lost connection to the server. Check your network; your code is kept here and will be saved when it is back.';
      case 'rate_limited':
        return e.retryAfterSeconds !== undefined
          ? `Too many runs, try again in ${e.retryAfterSeconds} s`
          : 'Too many runs, try again in a moment';
      case 'server':
        return `The server had a problem (HTTP ${e.status}). Please try again in a moment.`;
      case 'unauthorized':
        return 'Your session has expired or is not signed in. Sign in again.';
      default: {
        const fields = e.fieldErrors;
        const head = e.problem?.detail || e.problem?.title || e.message;
        return fields.length ? `${head}\n${fields.join('\n')}` : head;
      }
    }
  }
  return e instanceof Error ? e.message : String(e);
}

export interface ClientOptions {
  fetchImpl?: typeof fetch;
  token?: () => string | null;
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function createClient(opts: ClientOptions = {}) {
  const doFetch = opts.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const tokenOf = opts.token ?? getToken;

  async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = tokenOf();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await doFetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
    } catch (err) {
      if ((err as Error)?.name === 'AbortError') throw err;
      throw new ApiError('network', 0, 'Network error');
    }
    const data = await readBody(res);
    if (res.ok) return data as T;
    const problem: ProblemDetails | undefined = data && typeof data === 'object' ? (data as ProblemDetails) : undefined;
    const message = problem?.detail || problem?.title || `HTTP ${res.status}`;
    if (res.status === 429) {
      throw new ApiError('rate_limited', 429, message, problem, parseRetryAfter(res.headers.get('Retry-After')));
    }
    if (res.status >= 500) throw new ApiError('server', res.status, message, problem);
    if (res.status === 401) throw new ApiError('unauthorized', 401, message, problem);
    if (res.status === 404) throw new ApiError('not_found', 404, message, problem);
    throw new ApiError('invalid', res.status, message, problem);
  }

  const api = {
    request,
    devToken: async (user_id: string, role: 'candidate' | 'admin' = 'candidate') => {
      const r = await request<DevTokenResponse>('POST', '/api/dev/token', { user_id, role });
      const token = r.access_token ?? r.token;
      if (!token) throw new ApiError('server', 200, 'The sign-in answer had no token');
      return token;
    },
    problems: async () => {
      const data = await request<ProblemSummary[] | { problems?: ProblemSummary[]; items?: ProblemSummary[] }>('GET', '/api/problems');
      return Array.isArray(data) ? data : (data.problems ?? data.items ?? []);
    },
    problem: async (slug: string) => normalizeProblem(await request<ProblemDetail & Record<string, unknown>>('GET', `/api/problems/${encodeURIComponent(slug)}`)),
    createAttempt: (interview_id: string) => request<AttemptResponse>('POST', '/api/attempts', { interview_id }),
    /** True when the attempt exists and is the caller's (another user's or a deleted one answers 404). */
    attemptExists: async (id: string) => {
      try {
        await request<AttemptResponse>('GET', `/api/attempts/${encodeURIComponent(id)}`);
        return true;
      } catch (e) {
        if (e instanceof ApiError && e.kind === 'not_found') return false;
        throw e;
      }
    },
    getDraft: async (key: DraftKey): Promise<Draft | null> => {
      const q = new URLSearchParams({ attempt_id: key.attempt_id, problem_id: key.problem_id, language: key.language });
      try {
        const data = await request<Draft | Draft[] | { drafts?: Draft[] } | undefined>('GET', `/api/coding/drafts?${q}`);
        if (!data) return null;
        const list = Array.isArray(data) ? data : 'drafts' in data && data.drafts ? data.drafts : [data as Draft];
        return list.find((d) => !d.language || d.language === key.language) ?? null;
      } catch (e) {
        if (e instanceof ApiError && e.kind === 'not_found') return null;
        throw e;
      }
    },
    putDraft: (draft: Draft) => request<unknown>('PUT', '/api/coding/drafts', draft),
    run: (req: RunRequest, signal?: AbortSignal) => request<RunResponse>('POST', '/api/coding/run', req, signal),
    submit: (req: SubmitRequest, signal?: AbortSignal) => request<SubmitResponse>('POST', '/api/coding/submit', req, signal),
    /** Live diagnostics of a compiled language (issue 15): its own rate limit, never the run limit. */
    check: (req: CheckRequest, signal?: AbortSignal) => request<CheckResponse>('POST', '/api/coding/check', req, signal),
    /** The editor's Format for a language with no formatter in the browser (Rust): rustfmt in the server's sandbox. */
    format: (req: FormatRequest, signal?: AbortSignal) => request<FormatResponse>('POST', '/api/coding/format', req, signal),
    status: (id: string, signal?: AbortSignal) =>
      request<StatusResponse>('GET', `/api/coding/status?id=${encodeURIComponent(id)}`, undefined, signal),
  };
  return api;
}

export type ApiClient = ReturnType<typeof createClient>;

/** Accepts the few spellings the service may use for starters/signatures/examples. */
export function normalizeProblem(p: ProblemDetail & Record<string, unknown>): ProblemDetail {
  const starters = (p.starters ?? p['starter_code'] ?? p['templates'] ?? {}) as ProblemDetail['starters'];
  const examples = (p.examples ?? p['public_tests'] ?? p['tests'] ?? []) as ProblemDetail['examples'];
  const signatures = (p.signatures ?? p['signature_text'] ?? {}) as ProblemDetail['signatures'];
  return { ...p, starters, examples, signatures, constraints_md: p.constraints_md ?? '' };
}

export function toOutcome(mode: 'run' | 'submit', r: RunResponse | SubmitResponse | StatusResponse): Outcome {
  const rr = r as RunResponse & SubmitResponse & StatusResponse;
  const id = rr.run_id ?? rr.submission_id ?? rr.id ?? '';
  const status = rr.status ?? rr.summary?.status ?? 'finished';
  const compile = rr.compile ?? (rr.compile_output ? { ok: false, output: rr.compile_output } : undefined);
  return {
    mode,
    id,
    status,
    summary: rr.summary,
    results: (rr.results ?? []).map((r) => ({ ...r })),
    compile,
    // status "failed": the service's machinery failed (not a verdict).
    error: rr.error ?? (status === 'failed' ? 'The judge failed to run your code; please try again.' : undefined),
    error_line: rr.error_line,
  };
}

export function isPending(status: string | undefined): boolean {
  return !!status && PENDING_STATUSES.includes(status);
}

export interface PollOptions {
  intervalMs?: number;
  maxIntervalMs?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  sleep?: (ms: number) => Promise<void>;
  onProgress?: (o: Outcome) => void;
}

/** Polls GET /api/coding/status until the run or submission leaves queued/running. */
export async function pollUntilDone(api: Pick<ApiClient, 'status'>, first: Outcome, opts: PollOptions = {}): Promise<Outcome> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let outcome = first;
  let interval = opts.intervalMs ?? 400;
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  while (isPending(outcome.status) || (outcome.status === undefined && !outcome.summary)) {
    if (Date.now() > deadline) throw new ApiError('server', 504, 'The judge is taking too long; try again.');
    if (opts.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    await sleep(interval);
    interval = Math.min(interval * 1.5, opts.maxIntervalMs ?? 2000);
    const next = toOutcome(first.mode, await api.status(outcome.id, opts.signal));
    outcome = { ...next, id: next.id || outcome.id };
    opts.onProgress?.(outcome);
  }
  return outcome;
}

export type { Language };
