import init, { PositionEncoding, Workspace, type Diagnostic as RuffDiagnostic } from '@astral-sh/ruff-wasm-web';
import { PYTHON_IMPLICIT_NAMES } from './python-names';
import type { CheckDiagnostic, FormatResult } from './types';

/**
 * ruff configured for LeetCode code: the names the harness defines (List, Optional, collections, heapq, ListNode...)
 * are builtins, not undefined; syntax errors, pyflakes (undefined names, unused variables) and the E7/E9 checks;
 * not the style rules LeetCode code breaks on purpose (`l` as a name, lambdas assigned to names, `a = 1; b = 2`).
 */
export const RUFF_SETTINGS = {
  'line-length': 120,
  'indent-width': 4,
  builtins: [...PYTHON_IMPLICIT_NAMES],
  lint: {
    select: ['E4', 'E7', 'E9', 'F'],
    ignore: ['E701', 'E702', 'E703', 'E731', 'E741', 'F403', 'F405'],
  },
  format: { 'indent-style': 'space', 'quote-style': 'double' },
};

/** Rules whose findings stop the code from running (errors); the rest are warnings. */
const ERROR_RULES = new Set(['invalid-syntax', 'F821', 'F822', 'F823', 'F701', 'F702', 'F704', 'F706', 'F707']);

export function fromRuff(diagnostics: readonly RuffDiagnostic[]): CheckDiagnostic[] {
  return diagnostics.map((d) => {
    const code = d.code ?? 'invalid-syntax';
    const error = ERROR_RULES.has(code) || code.startsWith('E9');
    return {
      line: d.start_location.row,
      column: d.start_location.column,
      end_line: d.end_location.row,
      end_column: Math.max(d.end_location.column, d.end_location.row === d.start_location.row ? d.start_location.column + 1 : 1),
      severity: error ? 'error' : 'warning',
      message: code === 'invalid-syntax' ? `SyntaxError: ${d.message}` : `${d.message} (${code})`,
    };
  });
}

let workspace: Promise<Workspace> | null = null;

/** ruff's WASM, bundled with the page (its .wasm is a static asset of our origin), loaded on first use. */
export function ruffWorkspace(): Promise<Workspace> {
  workspace ??= init().then(() => new Workspace(RUFF_SETTINGS, PositionEncoding.Utf16));
  return workspace;
}

/** For tests in Node: a workspace from already-initialised WASM. */
export function useRuffWorkspace(ws: Workspace): void {
  workspace = Promise.resolve(ws);
}

export async function lintPython(code: string): Promise<CheckDiagnostic[]> {
  const ws = await ruffWorkspace();
  return fromRuff(ws.check(code) as RuffDiagnostic[]);
}

export async function formatPython(code: string): Promise<FormatResult> {
  const ws = await ruffWorkspace();
  try {
    return { ok: true, code: ws.format(code) };
  } catch (e) {
    return { ok: false, message: `Not formatted: the code does not parse (${shortParseError(String((e as Error)?.message ?? e), code)})` };
  }
}

/** ruff names a byte range ("... at byte range 6..7"); the candidate wants a line. */
export function shortParseError(message: string, code: string): string {
  const m = /^(.*?) at byte range (\d+)\.\.\d+$/.exec(message.trim());
  if (!m) return message.trim();
  const bytes = new TextEncoder().encode(code).slice(0, Number(m[2]));
  const line = new TextDecoder().decode(bytes).split('\n').length;
  return `line ${line}: ${m[1]}`;
}
