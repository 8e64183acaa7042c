import type { CheckDiagnostic } from '../api/types';

export type { CheckDiagnostic };

/** A formatter's answer: the new text, or why the code was left as it is. */
export type FormatResult = { ok: true; code: string } | { ok: false; message: string };

/** Words a completion provider offers for one language (beyond the problem's parameters, added per model). */
export interface CompletionWords {
  keywords: readonly string[];
  /** Types, functions and modules of the standard library candidates reach for. */
  library: readonly string[];
  /** Members offered after `.` (or `->`): ListNode/TreeNode fields and common container methods. */
  members: readonly string[];
  /** Members after `module.` (Python's heapq., collections.). */
  modules?: Readonly<Record<string, readonly string[]>>;
}

/**
 * What the editor does for one language (issue 15). Each language has one entry in `registry.ts`, keyed by its Monaco
 * language id; a new language adds its entry (and, for a formatter or linter, its own module here).
 */
export interface LanguageTools {
  /** Formats in the browser; absent when the language has no browser formatter. */
  format?: (code: string) => Promise<FormatResult>;
  /** Formats through POST /api/coding/format, in the server's sandbox (Rust: no WASM build of rustfmt exists). */
  serverFormat?: boolean;
  /** Lints in the browser while the candidate types (Python's ruff). */
  lint?: (code: string) => Promise<CheckDiagnostic[]>;
  /** Diagnostics come from POST /api/coding/check (compiled languages). */
  serverCheck?: boolean;
  /** Diagnostics and completion come from Monaco's own TypeScript service (JavaScript, TypeScript). */
  monacoService?: boolean;
  completions?: CompletionWords;
}
