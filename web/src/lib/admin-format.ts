// Data shaping and formatting for the admin dashboard (pure functions; unit tested with fixtures of the contract).
import type {
  Bucket,
  ProblemStat,
  RuntimeDistribution,
  TimeRange,
  TimelinePoint,
} from '../api/admin-types';
import type { Verdict } from '../api/types';
import { VERDICT_LABELS } from '../components/OutputPanel';

export const DASH = '—';

/** 0..1 → "42.9%" (one decimal); null/NaN → "—". */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return DASH;
  return `${(rate * 100).toFixed(1)}%`;
}

/** Milliseconds → "3.4 ms", "120 ms", "1.25 s"; null → "—". */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return DASH;
  if (ms < 10) return `${(Math.round(ms * 10) / 10).toFixed(1)} ms`;
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Kilobytes → "512 KB", "12.3 MB"; null → "—". */
export function formatKb(kb: number | null | undefined): string {
  if (kb === null || kb === undefined || !Number.isFinite(kb)) return DASH;
  if (kb < 1024) return `${Math.round(kb)} KB`;
  return `${(kb / 1024).toFixed(1)} MB`;
}

export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return DASH;
  return n.toLocaleString('en-US');
}

/** The order verdicts are stacked and listed in; unknown ones follow, alphabetically. */
export const VERDICT_ORDER: readonly Verdict[] = [
  'accepted',
  'wrong_answer',
  'time_limit_exceeded',
  'memory_limit_exceeded',
  'runtime_error',
  'compilation_error',
  'output_limit_exceeded',
  'internal_error',
];

/** The candidate page's verdict names; an unknown verdict is shown as its words. */
export function verdictLabel(v: string | null | undefined): string {
  if (!v) return 'Pending';
  if (v === 'compile_error') return VERDICT_LABELS.compilation_error;
  return VERDICT_LABELS[v] ?? v.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

/** CSS variable per verdict (defined for both themes in globals.css). */
export function verdictColor(v: string): string {
  switch (v) {
    case 'accepted':
      return 'var(--chart-ok)';
    case 'wrong_answer':
      return 'var(--chart-bad)';
    case 'time_limit_exceeded':
      return 'var(--chart-warn)';
    case 'runtime_error':
      return 'var(--chart-4)';
    case 'compilation_error':
    case 'compile_error':
      return 'var(--chart-5)';
    case 'memory_limit_exceeded':
      return 'var(--chart-6)';
    default:
      return 'var(--chart-7)';
  }
}

/** Series colours for languages, in order. */
export const SERIES_COLORS = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)', 'var(--chart-6)'];

export function problemLabel(s: Pick<ProblemStat, 'problem_id' | 'problem_slug' | 'problem_title'>): string {
  return s.problem_title || s.problem_slug || String(s.problem_id);
}
/** The key a problem is found by (slug when known): used in data-problem attributes and filters. */
export function problemKey(s: Pick<ProblemStat, 'problem_id' | 'problem_slug'>): string {
  return s.problem_slug || String(s.problem_id);
}

// ---- Time range ----
export type RangePreset = 'hour' | 'day' | 'week' | 'custom';
export const PRESET_MS: Record<Exclude<RangePreset, 'custom'>, number> = {
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
};

/** The [from, to] of a preset ending now, or of a custom pair of `datetime-local` values (local time). */
export function rangeFor(preset: RangePreset, now: number, custom?: { from: string; to: string }): TimeRange | null {
  if (preset !== 'custom') return { from: new Date(now - PRESET_MS[preset]).toISOString(), to: new Date(now).toISOString() };
  if (!custom?.from || !custom.to) return null;
  const from = new Date(custom.from);
  const to = new Date(custom.to);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) return null;
  return { from: from.toISOString(), to: to.toISOString() };
}

/** Hourly buckets up to two days, daily beyond. */
export function bucketFor(range: TimeRange): Bucket {
  return Date.parse(range.to) - Date.parse(range.from) <= 2 * 86_400_000 ? 'hour' : 'day';
}

/** A Date → the value of an `<input type="datetime-local">` (local time, minutes). */
export function toLocalInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

// ---- Per-problem table ----
/** A sortable column: the problem's label or one of the row's own fields. */
export type StatKey = 'problem' | Exclude<keyof ProblemStat, 'problem_id' | 'problem_slug' | 'problem_title'>;
export type SortDir = 'asc' | 'desc';

function sortValue(s: ProblemStat, key: StatKey): string | number | null {
  if (key === 'problem') return problemLabel(s).toLowerCase();
  if (key === 'language') return s.language;
  const v = s[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Sorted copy; missing values last in either direction; ties by problem then language (stable and predictable). */
export function sortStats(items: readonly ProblemStat[], key: StatKey, dir: SortDir): ProblemStat[] {
  const sign = dir === 'asc' ? 1 : -1;
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return [...items].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === null && vb !== null) return 1;
    if (vb === null && va !== null) return -1;
    const c = va === null || vb === null ? 0 : sign * cmp(va, vb);
    if (c) return c;
    return cmp(problemLabel(a), problemLabel(b)) || cmp(a.language, b.language);
  });
}

type RateKey = 'acceptance_rate' | 'timeout_rate' | 'compile_error_rate' | 'runtime_error_rate';
export type StatTotals = Pick<ProblemStat, 'submits' | 'runs' | RateKey>;

/** Totals over rows: counts summed, rates averaged weighted by each row's submits (its runs when no row has submits). */
export function totals(items: readonly ProblemStat[]): StatTotals {
  const submits = items.reduce((a, s) => a + (s.submits || 0), 0);
  const runs = items.reduce((a, s) => a + (s.runs || 0), 0);
  const weightOf = (s: ProblemStat) => (submits > 0 ? s.submits || 0 : s.runs || 0);
  const weighted = (key: RateKey) => {
    let num = 0;
    let den = 0;
    for (const s of items) {
      const v = s[key];
      const w = weightOf(s);
      if (typeof v !== 'number' || !Number.isFinite(v) || w <= 0) continue;
      num += v * w;
      den += w;
    }
    return den > 0 ? num / den : null;
  };
  return {
    submits,
    runs,
    acceptance_rate: weighted('acceptance_rate'),
    timeout_rate: weighted('timeout_rate'),
    compile_error_rate: weighted('compile_error_rate'),
    runtime_error_rate: weighted('runtime_error_rate'),
  };
}

// ---- Timeline charts ----
export interface TimelineRow {
  /** ms since epoch (the x value) and its label. */
  t: number;
  label: string;
  runs: number;
  submits: number;
  total: number;
  queue_wait_ms: number | null;
  [verdict: string]: number | string | null;
}

export function bucketLabel(iso: string, bucket: Bucket): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  return bucket === 'hour' ? `${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:00` : day;
}

/** Verdicts present in the timeline, in VERDICT_ORDER then alphabetical. */
export function verdictKeys(items: readonly TimelinePoint[]): string[] {
  const seen = new Set<string>();
  for (const p of items) for (const [k, n] of Object.entries(p.verdicts ?? {})) if (n) seen.add(k);
  return [...seen].sort((a, b) => {
    const ia = VERDICT_ORDER.indexOf(a as Verdict);
    const ib = VERDICT_ORDER.indexOf(b as Verdict);
    if (ia !== ib) return (ia < 0 ? 999 : ia) - (ib < 0 ? 999 : ib);
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/** One row per bucket, sorted by time, with a numeric column per verdict (0 when absent). */
export function timelineRows(items: readonly TimelinePoint[], bucket: Bucket): TimelineRow[] {
  const keys = verdictKeys(items);
  return [...items]
    .sort((a, b) => Date.parse(a.bucket_start) - Date.parse(b.bucket_start))
    .map((p) => {
      const row: TimelineRow = {
        t: Date.parse(p.bucket_start),
        label: bucketLabel(p.bucket_start, bucket),
        runs: p.runs ?? 0,
        submits: p.submits ?? 0,
        total: (p.runs ?? 0) + (p.submits ?? 0),
        queue_wait_ms: typeof p.median_queue_wait_ms === 'number' ? p.median_queue_wait_ms : null,
      };
      for (const k of keys) row[k] = p.verdicts?.[k] ?? 0;
      return row;
    });
}

// ---- Runtime distribution ----
export function bucketRangeLabel(lower: number | null, upper: number | null): string {
  if (upper === null) return lower === null ? 'all' : `> ${formatMs(lower)}`;
  if (lower === null) return `≤ ${formatMs(upper)}`;
  return `${formatMs(lower)} – ${formatMs(upper)}`;
}

export interface RuntimeRow {
  label: string;
  le_ms: number | null;
  [language: string]: number | string | null;
}

/**
 * Histogram rows over the union of every language's bucket bounds (ascending, +Inf last), one count column per
 * language. Each bucket's `count` is the number of runs in (previous bound, le_ms]; a language without a bound gets 0.
 */
export function runtimeRows(items: readonly RuntimeDistribution[]): { rows: RuntimeRow[]; languages: string[] } {
  const languages = items.map((d) => d.language);
  const finite = new Set<number>();
  let hasInf = false;
  for (const d of items)
    for (const b of d.buckets ?? []) {
      if (b.le_ms === null || b.le_ms === undefined || !Number.isFinite(b.le_ms)) hasInf = true;
      else finite.add(b.le_ms);
    }
  const bounds: (number | null)[] = [...finite].sort((a, b) => a - b);
  if (hasInf) bounds.push(null);
  const rows = bounds.map((le, i) => {
    const row: RuntimeRow = { label: bucketRangeLabel(i === 0 ? null : (bounds[i - 1] as number), le), le_ms: le };
    for (const d of items) {
      const b = (d.buckets ?? []).find((x) => (le === null ? x.le_ms === null || x.le_ms === undefined || !Number.isFinite(x.le_ms) : x.le_ms === le));
      row[d.language] = b?.count ?? 0;
    }
    return row;
  });
  // Drop empty tails and heads so a wide default bucket layout does not squeeze the bars.
  const nonEmpty = (r: RuntimeRow) => languages.some((l) => (r[l] as number) > 0);
  const first = rows.findIndex(nonEmpty);
  if (first < 0) return { rows: [], languages };
  let last = rows.length - 1;
  while (last > first && !nonEmpty(rows[last])) last--;
  return { rows: rows.slice(first, last + 1), languages };
}

// ---- Live panel ----
/** "12 s ago", "3 min ago", "2 h ago" from an ISO time; "never" for null. */
export function ago(iso: string | null | undefined, now: number): string {
  if (!iso) return 'never';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return String(iso);
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} d ago`;
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return DASH;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
