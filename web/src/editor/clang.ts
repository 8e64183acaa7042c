import init, { format } from '@wasm-fmt/clang-format/web';
import { unbalancedBracket } from './brackets';
import type { FormatResult } from './types';

/** LeetCode-like layout: 4 spaces, `public:` at the class's column, braces on the same line. */
export const CLANG_FORMAT_STYLE = JSON.stringify({
  BasedOnStyle: 'Google',
  IndentWidth: 4,
  AccessModifierOffset: -4,
  ColumnLimit: 100,
  AllowShortFunctionsOnASingleLine: 'Empty',
  AllowShortIfStatementsOnASingleLine: 'Never',
  AllowShortLoopsOnASingleLine: false,
  DerivePointerAlignment: false,
  PointerAlignment: 'Left',
});

let ready: Promise<void> | null = null;

/** clang-format's WASM, bundled with the page, loaded on first use. The file name picks the language. */
export function clangFormatter(fileName: string): (code: string) => Promise<FormatResult> {
  return async (code) => {
    const broken = unbalancedBracket(code);
    if (broken) return { ok: false, message: `Not formatted: the code does not parse (${broken})` };
    ready ??= init();
    await ready;
    return { ok: true, code: format(code, fileName, CLANG_FORMAT_STYLE) };
  };
}

/** For tests in Node: the WASM already initialised with initSync. */
export function markClangReady(): void {
  ready = Promise.resolve();
}
