import { describe, expect, it } from 'vitest';
import type { ProblemStatsResponse, RuntimeResponse, TimelineResponse } from '../src/api/admin-types';
import {
  ago,
  bucketFor,
  formatKb,
  formatMs,
  formatRate,
  rangeFor,
  runtimeRows,
  sortStats,
  timelineRows,
  totals,
  verdictKeys,
  verdictLabel,
} from '../src/lib/admin-format';
import problemsFixture from './fixtures/admin/problems.json';
import runtimeFixture from './fixtures/admin/runtime.json';
import timelineFixture from './fixtures/admin/timeline.json';

const problems = (problemsFixture as unknown as ProblemStatsResponse).items;
const timeline = (timelineFixture as unknown as TimelineResponse).items;
const runtime = (runtimeFixture as unknown as RuntimeResponse).items;

describe('formatting', () => {
  it('formats rates 0..1 as percentages with one decimal, and missing ones as a dash', () => {
    expect(formatRate(0.5)).toBe('50.0%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatRate(1 / 3)).toBe('33.3%');
    expect(formatRate(null)).toBe('—');
    expect(formatRate(Number.NaN)).toBe('—');
  });
  it('formats milliseconds and kilobytes', () => {
    expect(formatMs(2.25)).toBe('2.3 ms');
    expect(formatMs(41.5)).toBe('42 ms');
    expect(formatMs(1990)).toBe('1990 ms');
    expect(formatMs(15000)).toBe('15.0 s');
    expect(formatMs(null)).toBe('—');
    expect(formatKb(512)).toBe('512 KB');
    expect(formatKb(10240)).toBe('10.0 MB');
  });
  it('names verdicts, including ones it does not know', () => {
    expect(verdictLabel('time_limit_exceeded')).toBe('Time Limit Exceeded');
    expect(verdictLabel('compilation_error')).toBe('Compile Error');
    expect(verdictLabel('zeta_new_verdict')).toBe('Zeta new verdict');
    expect(verdictLabel(null)).toBe('Pending');
  });
  it('says how long ago a runner was seen', () => {
    const now = Date.parse('2026-12-05T02:00:00Z');
    expect(ago('2026-12-05T01:59:58Z', now)).toBe('2 s ago');
    expect(ago('2026-12-05T01:40:00Z', now)).toBe('20 min ago');
    expect(ago(null, now)).toBe('never');
  });
});

describe('time range', () => {
  const now = Date.parse('2026-12-05T12:00:00Z');
  it('presets end now and go back an hour, a day or a week', () => {
    expect(rangeFor('hour', now)).toEqual({ from: '2026-12-05T11:00:00.000Z', to: '2026-12-05T12:00:00.000Z' });
    expect(rangeFor('day', now)?.from).toBe('2026-12-04T12:00:00.000Z');
    expect(rangeFor('week', now)?.from).toBe('2026-11-28T12:00:00.000Z');
  });
  it('a custom range needs a start before its end', () => {
    expect(rangeFor('custom', now, { from: '2026-12-01T00:00', to: '2026-12-02T00:00' })).not.toBeNull();
    expect(rangeFor('custom', now, { from: '2026-12-02T00:00', to: '2026-12-01T00:00' })).toBeNull();
    expect(rangeFor('custom', now, { from: '', to: '2026-12-01T00:00' })).toBeNull();
  });
  it('buckets by hour up to two days, by day beyond', () => {
    expect(bucketFor(rangeFor('day', now)!)).toBe('hour');
    expect(bucketFor(rangeFor('week', now)!)).toBe('day');
  });
});

describe('per-problem table', () => {
  it('sorts by a rate, missing values last in both directions', () => {
    const desc = sortStats(problems, 'acceptance_rate', 'desc').map((s) => `${s.problem_id}/${s.language}`);
    expect(desc).toEqual(['two-sum/java', 'two-sum/python', 'coin-change/python', 'valid-parentheses/cpp']);
    const asc = sortStats(problems, 'acceptance_rate', 'asc').map((s) => `${s.problem_id}/${s.language}`);
    expect(asc).toEqual(['coin-change/python', 'two-sum/python', 'two-sum/java', 'valid-parentheses/cpp']);
  });
  it('sorts by problem name, then language', () => {
    expect(sortStats(problems, 'problem', 'asc').map((s) => `${s.problem_id}/${s.language}`)).toEqual([
      'coin-change/python',
      'two-sum/java',
      'two-sum/python',
      'valid-parentheses/cpp',
    ]);
  });
  it('does not change its input', () => {
    const copy = JSON.stringify(problems);
    sortStats(problems, 'p95_runtime_ms', 'desc');
    expect(JSON.stringify(problems)).toBe(copy);
  });
  it('totals weight each rate by the rows’ submits', () => {
    const t = totals(problems);
    expect(t.submits).toBe(10);
    expect(t.runs).toBe(11);
    // (0.5*4 + 1*1 + 0.2*5) / 10 = 0.4;  timeouts (0.25*4 + 0 + 0.4*5) / 10 = 0.3
    expect(t.acceptance_rate).toBeCloseTo(0.4, 10);
    expect(t.timeout_rate).toBeCloseTo(0.3, 10);
    expect(formatRate(t.acceptance_rate)).toBe('40.0%');
  });
  it('totals of runs only (no submits) weight by runs; of nothing are missing', () => {
    const t = totals([problems[2]]);
    expect(t.compile_error_rate).toBeCloseTo(1 / 3, 6);
    expect(totals([]).acceptance_rate).toBeNull();
  });
});

describe('timeline', () => {
  it('lists the verdicts present, known ones first in a fixed order', () => {
    expect(verdictKeys(timeline)).toEqual(['accepted', 'wrong_answer', 'time_limit_exceeded', 'compilation_error', 'zeta_new_verdict']);
  });
  it('makes one row per bucket in time order, with 0 for absent verdicts', () => {
    const rows = timelineRows(timeline, 'hour');
    expect(rows.map((r) => r.t)).toEqual([
      Date.parse('2026-12-05T00:00:00Z'),
      Date.parse('2026-12-05T01:00:00Z'),
      Date.parse('2026-12-05T02:00:00Z'),
    ]);
    expect(rows[1]).toMatchObject({ runs: 3, submits: 2, total: 5, accepted: 2, wrong_answer: 2, time_limit_exceeded: 1, compilation_error: 0, queue_wait_ms: 12.5 });
    expect(rows[0].queue_wait_ms).toBeNull();
    expect(rows[2].zeta_new_verdict).toBe(1);
    expect(rows[0].label).toMatch(/^\d\d-\d\d \d\d:00$/);
  });
});

describe('runtime distribution', () => {
  it('merges every language’s buckets, +Inf last, and trims empty ends', () => {
    const { rows, languages } = runtimeRows(runtime);
    expect(languages).toEqual(['python', 'java']);
    // bounds 1,10,100,1000,5000,+Inf; the leading ≤1 ms bucket is empty for both languages and is dropped.
    expect(rows.map((r) => r.le_ms)).toEqual([10, 100, 1000, 5000, null]);
    expect(rows.map((r) => r.label)).toEqual(['1.0 ms – 10 ms', '10 ms – 100 ms', '100 ms – 1000 ms', '1000 ms – 5000 ms', '> 5000 ms']);
    expect(rows.map((r) => r.python)).toEqual([3, 5, 1, 0, 2]);
    expect(rows.map((r) => r.java)).toEqual([0, 4, 0, 0, 0]);
  });
  it('is empty when nothing ran', () => {
    expect(runtimeRows([{ language: 'python', buckets: [{ le_ms: 10, count: 0 }] }]).rows).toEqual([]);
    expect(runtimeRows([]).rows).toEqual([]);
  });
});
