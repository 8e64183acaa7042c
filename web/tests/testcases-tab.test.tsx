import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { TestCasesTab, caseFromExample, validateCases, type CustomCase } from '../src/components/TestCasesTab';
import type { Signature } from '../src/api/types';

afterEach(cleanup);

const sig: Signature = { function_name: 'twoSum', params: [{ name: 'nums', type: 'integer[]' }, { name: 'target', type: 'integer' }], return_type: 'integer[]' };
const examples = [{ input: { nums: [2, 7, 11, 15], target: 9 }, expected: [0, 1] }];

function Harness({ onCases }: { onCases?: (c: CustomCase[]) => void }) {
  const [cases, setCases] = useState<CustomCase[]>([]);
  return <TestCasesTab signature={sig} examples={examples} cases={cases} onChange={(c) => (setCases(c), onCases?.(c))} />;
}

describe('Testcase tab', () => {
  it('adds a custom input prefilled from the first example and flags invalid values', () => {
    const onCases = vi.fn();
    render(<Harness onCases={onCases} />);
    fireEvent.click(screen.getByTestId('add-case'));
    const nums = screen.getByTestId('custom-0-nums') as HTMLInputElement;
    expect(nums.value).toBe('[2,7,11,15]');
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.change(nums, { target: { value: '[1, 2.5]' } });
    expect(screen.getByRole('alert').textContent).toMatch(/nums\[1\]: expected an integer/);
    expect(nums.getAttribute('aria-invalid')).toBe('true');
    const last = onCases.mock.calls.at(-1)![0] as CustomCase[];
    expect(validateCases(sig, last).ok).toBe(false);
  });

  it('turns valid cases into custom_inputs objects (param -> value)', () => {
    const c = caseFromExample(sig, examples[0]);
    expect(validateCases(sig, [c])).toMatchObject({ ok: true, values: [{ nums: [2, 7, 11, 15], target: 9 }] });
  });
});
