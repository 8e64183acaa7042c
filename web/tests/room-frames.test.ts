import { describe, expect, it } from 'vitest';
import { frameAt, framesOf, type History, type HistoryEvent } from '../src/lib/room';

const at = (ms: number) => new Date(Date.UTC(2026, 11, 5, 3, 0, 0) + ms).toISOString();
let id = 0;
const ev = (ms: number, e: Partial<HistoryEvent>): HistoryEvent =>
  ({ id: ++id, at: at(ms), kind: 'edit', problem_id: 'two-sum', language: 'python', ...e }) as HistoryEvent;

const history: History = {
  attempt_id: 'a',
  candidate_id: 'c',
  truncated: false,
  history_bytes: 0,
  events: [
    ev(0, { kind: 'snapshot', text: 'abc' }),
    ev(100, { offset: 3, delete_count: 0, text: 'def' }),
    ev(250, { offset: 1, delete_count: 2, text: 'X' }), // aXdef
    ev(300, { kind: 'run', text: 'aXdef', result: { summary: { status: 'accepted' } } }),
    ev(400, { offset: 5, delete_count: 0, text: '😀é' }),
    ev(500, { kind: 'language', language: 'java' }),
    ev(500, { kind: 'snapshot', language: 'java', text: 'class S {}' }),
  ],
};

describe('replay frames', () => {
  it('apply snapshots and edits in UTF-16 offsets, as the service stores them', () => {
    const f = framesOf(history);
    expect(f.map((x) => x.code)).toEqual(['abc', 'abcdef', 'aXdef', 'aXdef', 'aXdef😀é', 'aXdef😀é', 'class S {}']);
    expect(f.map((x) => x.t)).toEqual([0, 100, 250, 300, 400, 500, 500]);
    expect(f[5].language).toBe('java');
  });

  it('know the previous run for the diff', () => {
    const f = framesOf(history);
    expect(f[3].previousRun).toBeNull();
    expect(f[4].previousRun).toBe('aXdef');
  });

  it('find the last frame at or before a moment', () => {
    const f = framesOf(history);
    expect(frameAt(f, -5)?.code).toBe('abc');
    expect(frameAt(f, 249)?.code).toBe('abcdef');
    expect(frameAt(f, 250)?.code).toBe('aXdef');
    expect(frameAt(f, 10_000)?.code).toBe('class S {}');
    expect(frameAt([], 10)).toBeNull();
  });
});
