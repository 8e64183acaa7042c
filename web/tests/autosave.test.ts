import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, draftKey, type SaveState } from '../src/lib/autosave';
import type { Draft, DraftKey } from '../src/api/types';

const py: DraftKey = { attempt_id: 'a1', problem_id: 'two-sum', language: 'python' };
const java: DraftKey = { attempt_id: 'a1', problem_id: 'two-sum', language: 'java' };

function setup(save?: (d: Draft) => Promise<unknown>) {
  const saved: Draft[] = [];
  const states: [string, SaveState][] = [];
  const saver = new Autosaver({
    delayMs: 500,
    retryMs: 2000,
    save: save ?? (async (d) => void saved.push(d)),
    onState: (k, s) => states.push([k, s]),
  });
  return { saver, saved, states };
}

describe('Autosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces a burst of edits into one save of the last text', async () => {
    const { saver, saved } = setup();
    saver.change(py, 'a');
    await vi.advanceTimersByTimeAsync(300);
    saver.change(py, 'ab');
    await vi.advanceTimersByTimeAsync(300);
    saver.change(py, 'abc');
    expect(saved).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(saved).toEqual([{ ...py, code: 'abc' }]);
  });

  it('keeps one slot per (attempt, problem, language) so languages do not overwrite each other', async () => {
    const { saver, saved } = setup();
    saver.change(py, 'print(1)');
    saver.change(java, 'class Solution {}');
    await vi.advanceTimersByTimeAsync(500);
    expect(saved).toHaveLength(2);
    expect(saved.find((d) => d.language === 'python')?.code).toBe('print(1)');
    expect(saved.find((d) => d.language === 'java')?.code).toBe('class Solution {}');
    expect(draftKey(py)).not.toBe(draftKey(java));
    expect(draftKey({ ...py, attempt_id: 'a2' })).not.toBe(draftKey(py));
  });

  it('goes dirty, saving, then saved', async () => {
    let release!: () => void;
    const { saver, states } = setup(() => new Promise<void>((r) => (release = r)));
    saver.change(py, 'x = 1');
    expect(saver.state(py)).toBe('dirty');
    await vi.advanceTimersByTimeAsync(500);
    expect(saver.state(py)).toBe('saving');
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.state(py)).toBe('saved');
    expect(states.map(([, s]) => s)).toEqual(['dirty', 'saving', 'saved']);
  });

  it('does not save text equal to the loaded baseline', async () => {
    const { saver, saved } = setup();
    saver.baseline(py, 'starter');
    saver.change(py, 'starter!');
    saver.change(py, 'starter');
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toHaveLength(0);
    expect(saver.state(py)).toBe('saved');
  });

  it('saves a change made while a save is in flight right after it', async () => {
    const releases: (() => void)[] = [];
    const calls: string[] = [];
    const { saver } = setup((d) => {
      calls.push(d.code);
      return new Promise<void>((r) => releases.push(r));
    });
    saver.change(py, 'v1');
    await vi.advanceTimersByTimeAsync(500);
    saver.change(py, 'v2');
    expect(saver.state(py)).toBe('dirty');
    releases[0]();
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toEqual(['v1', 'v2']);
    releases[1]();
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.state(py)).toBe('saved');
  });

  it('marks a failed save as error and retries it', async () => {
    let fail = true;
    const saved: string[] = [];
    const { saver } = setup(async (d) => {
      if (fail) throw new Error('offline');
      saved.push(d.code);
    });
    saver.change(py, 'code');
    await vi.advanceTimersByTimeAsync(500);
    expect(saver.state(py)).toBe('error');
    expect(saver.hasUnsaved()).toBe(true);
    fail = false;
    await vi.advanceTimersByTimeAsync(2000);
    expect(saved).toEqual(['code']);
    expect(saver.state(py)).toBe('saved');
    expect(saver.hasUnsaved()).toBe(false);
  });

  it('flush saves pending edits at once (before run and submit)', async () => {
    const { saver, saved } = setup();
    saver.change(py, 'a');
    saver.change(java, 'b');
    await saver.flush();
    expect(saved.map((d) => d.code).sort()).toEqual(['a', 'b']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toHaveLength(2);
  });
});
