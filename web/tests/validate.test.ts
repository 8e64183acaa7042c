import { describe, expect, it } from 'vitest';
import { parseCustomInput, parseType, renderSignature } from '../src/lib/types-validate';
import type { Signature } from '../src/api/types';

const sig = (params: [string, string][], ret = 'integer'): Signature => ({
  function_name: 'f',
  params: params.map(([name, type]) => ({ name, type })),
  return_type: ret,
});

describe('custom input validation against the signature', () => {
  it('accepts well-typed values of every kind', () => {
    const s = sig([
      ['a', 'integer'], ['b', 'long'], ['c', 'double'], ['d', 'boolean'], ['e', 'string'], ['f', 'character'],
      ['g', 'integer[]'], ['h', 'string[][]'], ['i', 'list<integer>'], ['j', 'list<list<string>>'], ['k', 'ListNode'], ['l', 'TreeNode'],
    ]);
    const r = parseCustomInput(s, {
      a: '5', b: '9007199254740993', c: '2.5', d: 'true', e: '"hi"', f: '"x"', g: '[1,2]', h: '[["a"],[]]', i: '[3]', j: '[["q"]]', k: '[1,2,3]', l: '[1,null,2,3]',
    });
    expect(r.errors).toEqual({});
    expect(r.ok).toBe(true);
    expect(r.value?.l).toEqual([1, null, 2, 3]);
  });

  it('names the parameter and position of a mistyped value', () => {
    const r = parseCustomInput(sig([['nums', 'integer[]'], ['target', 'integer']]), { nums: '[1, 3000000000]', target: '"9"' });
    expect(r.ok).toBe(false);
    expect(r.errors.nums).toMatch(/nums\[1\]: 3000000000 is out of range for integer/);
    expect(r.errors.target).toMatch(/expected an integer/);
  });

  it('rejects invalid JSON, missing values, bad characters, long overflow and malformed trees', () => {
    const r = parseCustomInput(sig([['a', 'integer[]'], ['b', 'character'], ['c', 'long'], ['d', 'TreeNode'], ['e', 'boolean']]), {
      a: '[1,2', b: '"ab"', c: '9223372036854775808', d: '[null,1]', e: '',
    });
    expect(r.errors.a).toMatch(/not valid JSON/);
    expect(r.errors.b).toMatch(/one-character/);
    expect(r.errors.c).toMatch(/out of range for long/);
    expect(r.errors.d).toMatch(/root cannot be null/);
    expect(r.errors.e).toMatch(/required/);
  });

  it('parses the contract type names like the judge', () => {
    expect(parseType('list<list<integer>>')).toEqual({ kind: 'list', element: { kind: 'list', element: { kind: 'integer' } } });
    expect(parseType('list<integer[]>')).toBeNull();
    expect(parseType('ListNode[]')).toBeNull();
    expect(parseType('float')).toBeNull();
  });

  it('renders the signature in each language', () => {
    const s: Signature = { function_name: 'twoSum', function_names: { python: 'two_sum' }, params: [{ name: 'nums', type: 'integer[]' }, { name: 'target', type: 'integer' }], return_type: 'integer[]' };
    expect(renderSignature(s, 'python')).toBe('def two_sum(self, nums: List[int], target: int) -> List[int]');
    expect(renderSignature(s, 'java')).toBe('public int[] twoSum(int[] nums, int target)');
    expect(renderSignature(s, 'cpp')).toBe('vector<int> twoSum(vector<int>& nums, int target)');
    expect(renderSignature(s, 'javascript')).toBe('var twoSum = function(nums, target)');
    expect(renderSignature(s, 'typescript')).toBe('function twoSum(nums: number[], target: number): number[]');
    const list: Signature = { function_name: 'reverseList', params: [{ name: 'head', type: 'ListNode' }], return_type: 'ListNode' };
    expect(renderSignature(list, 'typescript')).toBe('function reverseList(head: ListNode | null): ListNode | null');
    expect(renderSignature(s, 'go')).toBe('func twoSum(nums []int, target int) []int');
    expect(renderSignature(list, 'go')).toBe('func reverseList(head *ListNode) *ListNode');
  });
});
