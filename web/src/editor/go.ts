import init, { format } from '@wasm-fmt/gofmt/web';
import type { FormatResult } from './types';

let ready: Promise<void> | null = null;

/** gofmt (Go's own formatter, compiled to WASM), bundled with the page; it refuses code that does not parse. */
export async function formatGo(code: string): Promise<FormatResult> {
  ready ??= init();
  await ready;
  try {
    return { ok: true, code: format(code) };
  } catch (e) {
    return { ok: false, message: `Not formatted: the code does not parse (${String((e as Error)?.message ?? e).replace(/^Error: /, '')})` };
  }
}
