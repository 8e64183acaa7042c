import { describe, expect, it, vi } from 'vitest';
import { unbalancedBracket } from '../src/editor/brackets';
import { completionEntries } from '../src/editor/completion';
import { CPP_WORDS, PYTHON_WORDS } from '../src/editor/completion-words';
import { LiveChecker } from '../src/editor/live-check';
import { minimalEdit } from '../src/editor/minimal-edit';
import type { CheckDiagnostic } from '../src/editor/types';

describe('minimal edit of a format', () => {
  it('replaces only what changed, so the cursor around untouched text stays', () => {
    const before = 'a\nx=1\nb\n';
    const after = 'a\nx = 1\nb\n';
    const e = minimalEdit(before, after)!;
    expect(before.slice(0, e.start) + e.text + before.slice(e.end)).toBe(after);
    expect(e.start).toBe(3);
    expect(e.text.length).toBeLessThanOrEqual(3);
  });
  it('is null when nothing changed, and handles growth at either end', () => {
    expect(minimalEdit('same', 'same')).toBeNull();
    for (const [b, a] of [['', 'x'], ['abc', 'abcd'], ['abc', 'zabc'], ['aaa', 'aa'], ['ab', 'ba']]) {
      const e = minimalEdit(b, a)!;
      expect(b.slice(0, e.start) + e.text + b.slice(e.end)).toBe(a);
    }
  });
});

describe('bracket balance before a C-like format', () => {
  it('accepts balanced code, brackets in strings, chars and comments included', () => {
    expect(unbalancedBracket('class S { int f() { return s == "}" ? \'{\' : 0; } }; // )\n/* ( */')).toBeNull();
    expect(unbalancedBracket('const t = `a ${x} }`;')).toBeNull();
  });
  it('names the line of a missing or stray bracket', () => {
    expect(unbalancedBracket('class S {\n  int f( {\n}\n')).toMatch(/line 2/);
    expect(unbalancedBracket('int f() {\n}\n}\n')).toBe("unmatched '}' on line 3");
    expect(unbalancedBracket('f(\n')).toBe("'(' on line 1 is never closed");
  });
});

describe('live checks', () => {
  it('debounces, and applies only the newest code, aborting a check typed past', async () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const aborted: string[] = [];
    const applied: string[] = [];
    const resolvers: (() => void)[] = [];
    const checker = new LiveChecker({
      delayMs: 300,
      run: (code, signal) =>
        new Promise<CheckDiagnostic[]>((resolve) => {
          seen.push(code);
          signal.addEventListener('abort', () => aborted.push(code));
          resolvers.push(() => resolve([{ line: 1, column: 1, end_line: 1, end_column: 2, severity: 'error', message: code }]));
        }),
      apply: (d) => applied.push(d[0].message),
    });
    checker.schedule('a');
    checker.schedule('ab');
    await vi.advanceTimersByTimeAsync(299);
    expect(seen).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toEqual(['ab']);
    checker.schedule('abc'); // typed past the check in flight
    expect(aborted).toEqual(['ab']);
    await vi.advanceTimersByTimeAsync(300);
    resolvers[0](); // the aborted answer arrives late: ignored
    resolvers[1]();
    await vi.runAllTimersAsync();
    expect(applied).toEqual(['abc']);
    checker.dispose();
    vi.useRealTimers();
  });

  it('keeps the markers when a check fails', async () => {
    const errors: unknown[] = [];
    const applied: unknown[] = [];
    const checker = new LiveChecker({ delayMs: 0, run: () => Promise.reject(new Error('429')), apply: (d) => applied.push(d), onError: (e) => errors.push(e) });
    checker.schedule('x');
    await new Promise((r) => setTimeout(r, 10));
    expect(applied).toEqual([]);
    expect(errors).toHaveLength(1);
  });
});

describe('completion', () => {
  it('offers the parameters with their types, keywords and the standard library', () => {
    const e = completionEntries(CPP_WORDS, [{ name: 'nums', type: 'integer[]' }], '    return nu');
    expect(e[0]).toEqual({ label: 'nums', kind: 'parameter', detail: 'integer[]' });
    expect(e.some((x) => x.label === 'unordered_map' && x.kind === 'library')).toBe(true);
    expect(e.some((x) => x.label === 'nullptr' && x.kind === 'keyword')).toBe(true);
  });
  it('offers node and container members after . or ->, and a module\'s own members after its name', () => {
    expect(completionEntries(CPP_WORDS, [], 'node->ne').map((x) => x.label)).toContain('next');
    expect(completionEntries(PYTHON_WORDS, [], 'root.').map((x) => x.label)).toContain('left');
    const heapq = completionEntries(PYTHON_WORDS, [], 'heapq.he').map((x) => x.label);
    expect(heapq).toContain('heappush');
    expect(heapq).not.toContain('left');
    expect(completionEntries(PYTHON_WORDS, [], 'x = ').map((x) => x.label)).toEqual(expect.arrayContaining(['defaultdict', 'List', 'enumerate', 'lambda']));
  });
});
