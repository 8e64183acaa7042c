import init, { format } from '@wasm-fmt/biome_fmt/web';
import { unbalancedBracket } from './brackets';
import type { FormatResult } from './types';

let ready: Promise<void> | null = null;

/** Biome's formatter (Prettier-compatible output) for JavaScript and TypeScript, bundled with the page. */
export function biomeFormatter(fileName: string): (code: string) => Promise<FormatResult> {
  return async (code) => {
    const broken = unbalancedBracket(code);
    if (broken) return { ok: false, message: `Not formatted: the code does not parse (${broken})` };
    ready ??= init().then(() => undefined);
    await ready;
    return { ok: true, code: format(code, fileName, { indentStyle: 'space', indentWidth: 4, lineWidth: 100 }) };
  };
}

export function markBiomeReady(): void {
  ready = Promise.resolve();
}

/**
 * What the judge's TypeScript compile sees besides the candidate's file (TypeScriptToolchain.cs: ListNode, TreeNode
 * and LeetCode's preloaded queues); the JavaScript harness defines the same classes at run time. tests/declarations
 * checks that this copy matches the judge's.
 */
export const HARNESS_DECLARATIONS = [
  'declare class ListNode { val: number; next: ListNode | null; constructor(val?: number, next?: ListNode | null); }',
  'declare class TreeNode { val: number; left: TreeNode | null; right: TreeNode | null; constructor(val?: number, left?: TreeNode | null, right?: TreeNode | null); }',
  'declare class PriorityQueue<T> { constructor(compare: (a: T, b: T) => number, values?: T[]); size(): number; isEmpty(): boolean; front(): T | null; back(): T | null; enqueue(value: T): this; push(value: T): this; dequeue(): T | null; pop(): T | null; remove(callback: (value: T) => boolean): T[]; contains(callback: (value: T) => boolean): boolean; clear(): void; toArray(): T[]; [Symbol.iterator](): Iterator<T>; static fromArray<T>(values: T[], compare: (a: T, b: T) => number): PriorityQueue<T>; }',
  'declare class MinPriorityQueue<T = number> extends PriorityQueue<T> { constructor(options?: ((value: T) => number | string) | { priority?: (value: T) => number | string; compare?: (a: T, b: T) => number }, values?: T[]); }',
  'declare class MaxPriorityQueue<T = number> extends PriorityQueue<T> { constructor(options?: ((value: T) => number | string) | { priority?: (value: T) => number | string; compare?: (a: T, b: T) => number }, values?: T[]); }',
  'declare class Queue<T = any> { constructor(values?: T[]); size(): number; isEmpty(): boolean; front(): T | null; back(): T | null; enqueue(value: T): this; push(value: T): this; dequeue(): T | null; pop(): T | null; toArray(): T[]; clear(): void; static fromArray<T>(values: T[]): Queue<T>; }',
  'declare class Deque<T = any> { constructor(values?: T[]); size(): number; isEmpty(): boolean; front(): T | null; back(): T | null; pushFront(value: T): this; pushBack(value: T): this; popFront(): T | null; popBack(): T | null; toArray(): T[]; clear(): void; static fromArray<T>(values: T[]): Deque<T>; }',
].join('\n');
