// Client-side check of custom inputs against the signature, mirroring CodeRoom.Judge.Contract.ValueValidator so the
// candidate learns about a typo before a run is spent. The server validates again.
import type { Json, Language, Signature } from '../api/types';

export type TypeNode =
  | { kind: 'integer' | 'long' | 'double' | 'boolean' | 'string' | 'character' | 'void' | 'ListNode' | 'TreeNode' }
  | { kind: 'array' | 'list'; element: TypeNode };

export function parseType(text: string): TypeNode | null {
  const t = text.trim();
  if (t.endsWith('[]')) {
    const inner = parseType(t.slice(0, -2));
    if (!inner || ['void', 'ListNode', 'TreeNode', 'list'].includes(inner.kind)) return null;
    return { kind: 'array', element: inner };
  }
  if (t.startsWith('list<') && t.endsWith('>')) {
    const inner = parseType(t.slice(5, -1));
    if (!inner || ['void', 'ListNode', 'TreeNode', 'array'].includes(inner.kind)) return null;
    return { kind: 'list', element: inner };
  }
  switch (t) {
    case 'integer':
    case 'int':
      return { kind: 'integer' };
    case 'long':
      return { kind: 'long' };
    case 'double':
      return { kind: 'double' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'string':
      return { kind: 'string' };
    case 'character':
    case 'char':
      return { kind: 'character' };
    case 'void':
      return { kind: 'void' };
    case 'ListNode':
      return { kind: 'ListNode' };
    case 'TreeNode':
      return { kind: 'TreeNode' };
    default:
      return null;
  }
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `a string`;
  if (typeof v === 'number') return `the number ${v}`;
  return typeof v;
}

/** Checks a parsed JSON value against a type; returns null or a message naming where it failed. */
export function checkValue(value: unknown, type: TypeNode, path: string, raw?: string): string | null {
  switch (type.kind) {
    case 'integer':
      return checkInt(value, path, 'integer (32-bit)', INT_MIN, INT_MAX);
    case 'long':
      return checkLong(value, path, raw);
    case 'double':
      return typeof value === 'number' && Number.isFinite(value) ? null : `${path}: expected a number (double), got ${describe(value)}`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `${path}: expected true or false, got ${describe(value)}`;
    case 'string':
      return typeof value === 'string' ? null : `${path}: expected a string in double quotes, got ${describe(value)}`;
    case 'character':
      return typeof value === 'string' && value.length === 1 && value.charCodeAt(0) < 128
        ? null
        : `${path}: expected a one-character string such as "a", got ${typeof value === 'string' ? JSON.stringify(value) : describe(value)}`;
    case 'void':
      return value === null || value === undefined ? null : `${path}: expected no value`;
    case 'array':
    case 'list': {
      if (!Array.isArray(value)) return `${path}: expected an array, got ${describe(value)}`;
      for (let i = 0; i < value.length; i++) {
        const err = checkValue(value[i], type.element, `${path}[${i}]`);
        if (err) return err;
      }
      return null;
    }
    case 'ListNode': {
      if (!Array.isArray(value)) return `${path}: expected a ListNode as an array of integers, e.g. [1,2,3]`;
      for (let i = 0; i < value.length; i++) {
        const err = checkInt(value[i], `${path}[${i}]`, 'integer (32-bit)', INT_MIN, INT_MAX);
        if (err) return err;
      }
      return null;
    }
    case 'TreeNode': {
      if (!Array.isArray(value)) return `${path}: expected a TreeNode in level order, e.g. [1,null,2,3]`;
      if (value.length > 0 && value[0] === null) return `${path}[0]: the root cannot be null (use [] for an empty tree)`;
      let slots = 1; // children slots opened by non-null nodes so far (root counts as one)
      for (let i = 0; i < value.length; i++) {
        if (i >= slots) return `${path}[${i}]: node has no parent (too many values after nulls)`;
        if (value[i] === null) continue;
        const err = checkInt(value[i], `${path}[${i}]`, 'integer (32-bit)', INT_MIN, INT_MAX);
        if (err) return err;
        slots += 2;
      }
      return null;
    }
  }
}

function checkInt(v: unknown, path: string, name: string, min: number, max: number): string | null {
  if (typeof v !== 'number' || !Number.isInteger(v)) return `${path}: expected an ${name}, got ${describe(v)}`;
  if (v < min || v > max) return `${path}: ${v} is out of range for ${name}`;
  return null;
}

function checkLong(v: unknown, path: string, raw?: string): string | null {
  if (typeof v !== 'number' || !Number.isInteger(v)) return `${path}: expected a long (64-bit integer), got ${describe(v)}`;
  // JSON numbers beyond 2^53 lose precision in JS; check the literal text when we have it.
  if (raw && /^-?\d+$/.test(raw.trim())) {
    const big = BigInt(raw.trim());
    if (big < -(2n ** 63n) || big > 2n ** 63n - 1n) return `${path}: ${raw.trim()} is out of range for long (64-bit)`;
  }
  return null;
}

export interface ParsedInput {
  ok: boolean;
  value?: Record<string, Json>;
  errors: Record<string, string>;
}

/**
 * Parses the text of each parameter (JSON, one field per parameter) and validates it against the signature.
 * Scalars of type string/character may be typed without quotes for convenience.
 */
export function parseCustomInput(sig: Signature, texts: Record<string, string>): ParsedInput {
  const errors: Record<string, string> = {};
  const value: Record<string, Json> = {};
  for (const p of sig.params) {
    const type = parseType(p.type);
    const raw = (texts[p.name] ?? '').trim();
    if (!type) {
      errors[p.name] = `unknown type ${p.type}`;
      continue;
    }
    if (raw === '') {
      errors[p.name] = `${p.name} is required (${p.type})`;
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      errors[p.name] = `${p.name}: not valid JSON (${p.type}); e.g. ${exampleFor(type)}`;
      continue;
    }
    const err = checkValue(parsed, type, p.name, raw);
    if (err) errors[p.name] = `${err} (${p.type})`;
    else value[p.name] = parsed as Json;
  }
  return { ok: Object.keys(errors).length === 0, value, errors };
}

export function exampleFor(t: TypeNode): string {
  switch (t.kind) {
    case 'integer':
    case 'long':
      return '42';
    case 'double':
      return '3.5';
    case 'boolean':
      return 'true';
    case 'string':
      return '"abc"';
    case 'character':
      return '"a"';
    case 'ListNode':
      return '[1,2,3]';
    case 'TreeNode':
      return '[1,null,2,3]';
    case 'void':
      return 'null';
    case 'array':
    case 'list':
      return `[${exampleFor(t.element)}]`;
  }
}

// ---- The signature as the candidate sees it in each language (used when the API does not render it). ----

function pyType(t: TypeNode): string {
  switch (t.kind) {
    case 'integer':
    case 'long':
      return 'int';
    case 'double':
      return 'float';
    case 'boolean':
      return 'bool';
    case 'string':
    case 'character':
      return 'str';
    case 'void':
      return 'None';
    case 'ListNode':
      return 'Optional[ListNode]';
    case 'TreeNode':
      return 'Optional[TreeNode]';
    case 'array':
    case 'list':
      return `List[${pyType(t.element)}]`;
  }
}

function javaType(t: TypeNode, boxed = false): string {
  switch (t.kind) {
    case 'integer':
      return boxed ? 'Integer' : 'int';
    case 'long':
      return boxed ? 'Long' : 'long';
    case 'double':
      return boxed ? 'Double' : 'double';
    case 'boolean':
      return boxed ? 'Boolean' : 'boolean';
    case 'string':
      return 'String';
    case 'character':
      return boxed ? 'Character' : 'char';
    case 'void':
      return 'void';
    case 'ListNode':
      return 'ListNode';
    case 'TreeNode':
      return 'TreeNode';
    case 'array':
      return `${javaType(t.element)}[]`;
    case 'list':
      return `List<${javaType(t.element, true)}>`;
  }
}

function cppType(t: TypeNode): string {
  switch (t.kind) {
    case 'integer':
      return 'int';
    case 'long':
      return 'long long';
    case 'double':
      return 'double';
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'character':
      return 'char';
    case 'void':
      return 'void';
    case 'ListNode':
      return 'ListNode*';
    case 'TreeNode':
      return 'TreeNode*';
    case 'array':
    case 'list':
      return `vector<${cppType(t.element)}>`;
  }
}

function tsType(t: TypeNode): string {
  switch (t.kind) {
    case 'integer':
    case 'long':
    case 'double':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'string':
    case 'character':
      return 'string';
    case 'void':
      return 'void';
    case 'ListNode':
      return 'ListNode | null';
    case 'TreeNode':
      return 'TreeNode | null';
    case 'array':
    case 'list': {
      const element = tsType(t.element);
      return element.includes('|') ? `(${element})[]` : `${element}[]`;
    }
  }
}

function goType(t: TypeNode): string {
  switch (t.kind) {
    case 'integer':
      return 'int';
    case 'long':
      return 'int64';
    case 'double':
      return 'float64';
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'character':
      return 'byte';
    case 'void':
      return '';
    case 'ListNode':
      return '*ListNode';
    case 'TreeNode':
      return '*TreeNode';
    case 'array':
    case 'list':
      return `[]${goType(t.element)}`;
  }
}

export function renderSignature(sig: Signature, lang: Language): string {
  const name = sig.function_names?.[lang] ?? sig.function_name;
  const ps = sig.params.map((p) => ({ name: p.name, t: parseType(p.type) ?? ({ kind: 'void' } as TypeNode) }));
  const ret = parseType(sig.return_type) ?? ({ kind: 'void' } as TypeNode);
  switch (lang) {
    case 'python':
      return `def ${name}(self${ps.map((p) => `, ${p.name}: ${pyType(p.t)}`).join('')}) -> ${pyType(ret)}`;
    case 'java':
      return `public ${javaType(ret)} ${name}(${ps.map((p) => `${javaType(p.t)} ${p.name}`).join(', ')})`;
    case 'cpp':
      return `${cppType(ret)} ${name}(${ps
        .map((p) => {
          const ct = cppType(p.t);
          return `${ct}${p.t.kind === 'array' || p.t.kind === 'list' || p.t.kind === 'string' ? '&' : ''} ${p.name}`;
        })
        .join(', ')})`;
    case 'javascript':
      return `var ${name} = function(${ps.map((p) => p.name).join(', ')})`;
    case 'typescript':
      return `function ${name}(${ps.map((p) => `${p.name}: ${tsType(p.t)}`).join(', ')}): ${tsType(ret)}`;
    case 'go': {
      const result = goType(ret);
      return `func ${name}(${ps.map((p) => `${p.name} ${goType(p.t)}`).join(', ')})${result ? ` ${result}` : ''}`;
    }
  }
}
