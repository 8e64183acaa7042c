import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { OutputPanel, TRUNCATE_AT } from '../src/components/OutputPanel';
import type { Outcome } from '../src/api/types';

afterEach(cleanup);

const run: Outcome = {
  mode: 'run',
  id: 'r1',
  status: 'finished',
  summary: { passed: 1, total: 2, status: 'wrong_answer' },
  results: [
    { test_id: 0, pass: true, actual: [0, 1], expected: [0, 1], runtime_ms: 3.2, memory_kb: 14336, stdout: 'hello\n', error: null },
    { test_id: 1, pass: false, verdict: 'wrong_answer', actual: [2, 1], expected: [1, 2], runtime_ms: 12, memory_kb: 900, stdout: '', error: null },
  ],
};

describe('OutputPanel', () => {
  it('shows a placeholder before any run', () => {
    render(<OutputPanel outcome={null} />);
    expect(screen.getByTestId('output').textContent).toMatch(/Run your code/);
  });

  it('shows per-test pass/fail, input, runtime, memory and stdout for a run', () => {
    render(<OutputPanel outcome={run} inputs={[{ nums: [2, 7, 11, 15], target: 9 }, { nums: [3, 2, 4], target: 6 }]} />);
    expect(screen.getByTestId('verdict').textContent).toContain('Wrong Answer');
    expect(screen.getByTestId('summary').textContent).toContain('1/2');
    expect(screen.getByTestId('case-tab-0').getAttribute('data-pass')).toBe('true');
    expect(screen.getByTestId('case-tab-1').getAttribute('data-pass')).toBe('false');
    const detail = screen.getByTestId('case-detail');
    expect(detail.textContent).toContain('[2,7,11,15]');
    expect(screen.getByTestId('runtime').textContent).toContain('3.2 ms');
    expect(screen.getByTestId('memory').textContent).toContain('14.0 MB');
    expect(screen.getByTestId('stdout').textContent).toBe('hello\n');
  });

  it('shows expected vs actual of a failing test', () => {
    render(<OutputPanel outcome={run} />);
    fireEvent.click(screen.getByTestId('case-tab-1'));
    expect(screen.getByTestId('actual').textContent).toContain('[2,1]');
    expect(screen.getByTestId('expected').textContent).toContain('[1,2]');
    expect(screen.getByTestId('memory').textContent).toContain('900 KB');
  });

  it('truncates long values with a show more toggle', () => {
    const long = Array.from({ length: 500 }, (_, i) => i);
    const o: Outcome = { ...run, results: [{ test_id: 0, pass: false, actual: long, expected: [1] }] };
    render(<OutputPanel outcome={o} />);
    const actual = screen.getByTestId('actual');
    expect(actual.querySelector('code')!.textContent!.length).toBe(TRUNCATE_AT + 1);
    fireEvent.click(screen.getByText(/show more/));
    expect(actual.querySelector('code')!.textContent).toBe(JSON.stringify(long));
    expect(screen.getByText('show less')).toBeTruthy();
  });

  it('shows the submit summary and first failing test with its category, no per-test data', () => {
    const o: Outcome = {
      mode: 'submit',
      id: 's1',
      status: 'wrong_answer',
      summary: { passed: 8, total: 10, status: 'wrong_answer', first_failing_test: 3, first_failing_category: 'duplicates' },
      results: [],
    };
    render(<OutputPanel outcome={o} />);
    expect(screen.getByTestId('verdict').textContent).toContain('Wrong Answer');
    expect(screen.getByTestId('summary').textContent).toContain('8/10');
    expect(screen.getByTestId('first-failing').textContent).toContain('#4');
    expect(screen.getByTestId('first-failing').textContent).toContain('duplicates');
    expect(screen.queryByTestId('expected')).toBeNull();
  });

  it('shows an accepted submission without a failing test', () => {
    const o: Outcome = { mode: 'submit', id: 's2', status: 'accepted', summary: { passed: 10, total: 10, status: 'accepted', first_failing_test: null }, results: [] };
    render(<OutputPanel outcome={o} />);
    expect(screen.getByTestId('verdict').className).toContain('ok');
    expect(screen.queryByTestId('first-failing')).toBeNull();
  });

  it('shows a compile error message', () => {
    const o: Outcome = {
      mode: 'run',
      id: 'r2',
      status: 'compilation_error',
      compile: { ok: false, output: "Solution.java:3: error: ';' expected", error_line: 3 },
      results: [],
    };
    render(<OutputPanel outcome={o} />);
    expect(screen.getByTestId('verdict').textContent).toContain('Compile Error');
    expect(screen.getByTestId('compile-error').textContent).toContain("';' expected");
  });

  it('shows a runtime error of a test', () => {
    const o: Outcome = {
      mode: 'run',
      id: 'r3',
      status: 'runtime_error',
      summary: { passed: 0, total: 1, status: 'runtime_error' },
      results: [{ test_id: 0, pass: false, verdict: 'runtime_error', error: 'Line 4: IndexError: list index out of range', error_line: 4 }],
    };
    render(<OutputPanel outcome={o} />);
    expect(screen.getByTestId('test-error').textContent).toContain('IndexError');
  });

  it('shows progress while queued or running', () => {
    render(<OutputPanel outcome={{ mode: 'submit', id: 's', status: 'queued', results: [] }} />);
    expect(screen.getByTestId('output-pending').textContent).toContain('Queued');
  });

  it('shows request errors instead of results', () => {
    render(<OutputPanel outcome={run} error={'Too many runs, try again in 23 s'} />);
    expect(screen.getByRole('alert').textContent).toBe('Too many runs, try again in 23 s');
    expect(screen.queryByTestId('verdict')).toBeNull();
  });
});
