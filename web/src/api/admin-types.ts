// The admin API (issue 13, `/api/admin/...`, admin bearer token; candidates get 403/404). snake_case JSON, hand-written
// from the agreed contract. Rates are 0..1; times are ISO-8601 strings; `le_ms: null` is the +Inf bucket.

import type { Verdict } from './types';

/** Verdict wire names (the judge's Verdict enum in snake_case). Others may appear; they are shown as they come. */
export type VerdictName = Verdict | (string & {});

export interface ProblemStat {
  /** The problem's id (its slug, or a number); `problem_slug`/`problem_title` are shown when the API adds them. */
  problem_id: string | number;
  problem_slug?: string | null;
  problem_title?: string | null;
  language: string;
  submits: number;
  runs: number;
  acceptance_rate: number | null;
  timeout_rate: number | null;
  compile_error_rate: number | null;
  runtime_error_rate: number | null;
  median_runtime_ms: number | null;
  p95_runtime_ms: number | null;
  /** The exact mean runtime of the submits (the service may add it; shown when present). */
  avg_runtime_ms?: number | null;
}
export interface ProblemStatsResponse {
  items: ProblemStat[];
}

export interface TimelinePoint {
  bucket_start: string;
  runs: number;
  submits: number;
  verdicts: Record<string, number>;
  median_queue_wait_ms: number | null;
}
export interface TimelineResponse {
  items: TimelinePoint[];
}

export interface RuntimeBucket {
  /** Upper bound in ms (inclusive); null is +Inf. */
  le_ms: number | null;
  count: number;
}
export interface RuntimeDistribution {
  language: string;
  buckets: RuntimeBucket[];
}
export interface RuntimeResponse {
  items: RuntimeDistribution[];
}

export interface WarmPool {
  language: string;
  memory_mb: number;
  ready: number;
}
export interface RunnerInfo {
  id: string;
  alive: boolean;
  slots: number;
  busy: number;
  last_seen: string | null;
}
/** A compile sandbox waiting for the next compile of its spec (Run's, or the editor's live check's). */
export interface CompileSandbox {
  language: string;
  purpose: 'run' | 'check';
  compiler_started: boolean;
  age_seconds: number;
}
export interface LiveResponse {
  queue_depth: number;
  in_flight: number;
  warm_pools: WarmPool[];
  compile_sandboxes: CompileSandbox[];
  runners: RunnerInfo[];
}

export interface RunLogItem {
  id: string;
  submission_id: string;
  created_at: string;
  user_id: string;
  attempt_id: string;
  problem_id: string | number;
  language: string;
  mode: 'run' | 'submit' | (string & {});
  /** queued | running | finished | failed (shown when the service adds it). */
  status?: string | null;
  judged_at?: string | null;
  verdict: VerdictName | null;
  cpu_ms: number | null;
  wall_ms: number | null;
  peak_memory_kb: number | null;
}
export interface RunLogPage {
  items: RunLogItem[];
  next_cursor: string | null;
}

export interface RunLogTest {
  index: number;
  visibility: string;
  verdict: VerdictName | null;
  runtime_ms: number | null;
  memory_kb: number | null;
  error: string | null;
}
export interface RunLogDetail extends RunLogItem {
  compile_ms?: number | null;
  compile_output: string | null;
  internal_message: string | null;
  tests: RunLogTest[];
  code: string | null;
}

/** The run-log filters (all optional); `from`/`to` are ISO-8601. */
export interface RunLogFilter {
  problem_id?: string;
  language?: string;
  verdict?: string;
  user_id?: string;
  attempt_id?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

export interface TimeRange {
  from: string;
  to: string;
}
export type Bucket = 'hour' | 'day';
