import { clangFormatter } from './clang';
import { CPP_WORDS, CSHARP_WORDS, GO_WORDS, JAVA_WORDS, PYTHON_WORDS, RUST_WORDS } from './completion-words';
import { formatGo } from './go';
import { formatPython, lintPython } from './python';
import { biomeFormatter } from './script';
import type { LanguageTools } from './types';

/**
 * The editor's tools per Monaco language id (issue 15). Adding a language: one entry here (format in the browser when a
 * WASM formatter exists, else `serverFormat: true` once its toolchain implements ILanguageToolchain.Format; `serverCheck: true` once its toolchain implements ILanguageToolchain.Check; completion words).
 */
export const EDITOR_TOOLS: Readonly<Record<string, LanguageTools>> = {
  // ruff in the browser (syntax, undefined names, unused variables), mypy on the server (types), merged.
  python: { format: formatPython, lint: lintPython, serverCheck: true, completions: PYTHON_WORDS },
  java: { format: clangFormatter('main.java'), serverCheck: true, completions: JAVA_WORDS },
  cpp: { format: clangFormatter('main.cpp'), serverCheck: true, completions: CPP_WORDS },
  javascript: { format: biomeFormatter('solution.js'), monacoService: true },
  typescript: { format: biomeFormatter('solution.ts'), monacoService: true },
  csharp: { format: clangFormatter('main.cs'), serverCheck: true, completions: CSHARP_WORDS },
  go: { format: formatGo, serverCheck: true, completions: GO_WORDS },
  // No WASM build of rustfmt exists: rustfmt runs on the server, in the sandbox (POST /api/coding/format).
  rust: { serverFormat: true, serverCheck: true, completions: RUST_WORDS },
};

export function toolsFor(languageId: string | null | undefined): LanguageTools | undefined {
  return languageId ? EDITOR_TOOLS[languageId] : undefined;
}
