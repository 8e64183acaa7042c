import { describe, expect, it } from 'vitest';
import { errorMark, lineFromMessage } from '../src/components/ProblemView';
import { toOutcome } from '../src/api/client';

describe('error line to mark in the editor', () => {
  it('reads javac, g++ and Python messages', () => {
    expect(lineFromMessage("Solution.java:4: error: illegal start of expression\n    }\n    ^\n1 error")?.line).toBe(4);
    expect(lineFromMessage("solution.cpp:7:12: error: expected ';' before '}' token")?.line).toBe(7);
    expect(lineFromMessage('IndexError: list index out of range (line 4)')?.line).toBe(4);
    expect(lineFromMessage('solution.go:3:12: cannot use "[0, 1]" (untyped string constant) as []int value in return statement')?.line).toBe(3);
    expect(lineFromMessage("Line 3: Char 5: error TS2322: Type 'string' is not assignable to type 'number[]'.")?.line).toBe(3);
    expect(lineFromMessage("SyntaxError: Unexpected token '}' (line 3)")?.line).toBe(3);
    expect(lineFromMessage('no line here')).toBeNull();
  });

  it('prefers the error_line the API returns', () => {
    const o = toOutcome('run', {
      run_id: 'r',
      status: 'finished',
      summary: { passed: 0, total: 1, status: 'runtime_error' },
      results: [{ test_id: 'custom-0', pass: false, error: 'IndexError: list index out of range (line 9)', error_line: 4 }],
    });
    expect(errorMark(o)).toEqual({ line: 4, message: 'IndexError: list index out of range (line 9)' });
  });

  it('marks a compile error from compile_output', () => {
    const o = toOutcome('run', { run_id: 'r', status: 'finished', summary: { passed: 0, total: 3, status: 'compilation_error' }, compile_output: 'Solution.java:3: error: x' });
    expect(o.compile?.ok).toBe(false);
    expect(errorMark(o)?.line).toBe(3);
  });

  it('marks nothing for an accepted run', () => {
    expect(errorMark(toOutcome('run', { run_id: 'r', status: 'finished', summary: { passed: 1, total: 1, status: 'accepted' }, results: [{ test_id: '0', pass: true }] }))).toBeNull();
  });
});
