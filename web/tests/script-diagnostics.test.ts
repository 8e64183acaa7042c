import { describe, expect, it } from 'vitest';
import { scriptDiagnostics, StaleDiagnostics, type ScriptDiagnostic, type ScriptModel, type ScriptWorker } from '../src/editor/script-diagnostics';

/** A model over a text whose version goes up with each edit, as Monaco's does. */
function model(text: string) {
  let version = 1;
  let value = text;
  const m: ScriptModel & { edit(t: string): void } = {
    uri: { toString: () => 'file:///solution.ts' },
    getVersionId: () => version,
    isDisposed: () => false,
    getPositionAt(offset) {
      const before = value.slice(0, Math.min(offset, value.length)).split('\n');
      return { lineNumber: before.length, column: before[before.length - 1].length + 1 };
    },
    edit(t) {
      value = t;
      version++;
    },
  };
  return m;
}

/** A worker whose answer is held until release(), as the TypeScript worker's is while it checks. */
function heldWorker(diagnostics: ScriptDiagnostic[]) {
  let release!: () => void;
  const answered = new Promise<void>((r) => (release = r));
  const worker: ScriptWorker = {
    getSyntacticDiagnostics: async () => (await answered, diagnostics.filter((d) => d.category === 1 && d.start === 0)),
    getSemanticDiagnostics: async () => (await answered, diagnostics.filter((d) => !(d.category === 1 && d.start === 0))),
  };
  return { worker, release };
}

const BROKEN = 'function f(a: number: number {\n  return a;\n';
const BAD = 'function f(a: number): number {\n  const s: string = a;\n  return missing;\n}\n';

describe('TypeScript diagnostics for the live markers', () => {
  it('turns the worker offsets into the lines of the text it checked, message chains flattened', async () => {
    const m = model(BAD);
    const at = BAD.indexOf('s: string');
    const { worker, release } = heldWorker([
      { start: at, length: 1, category: 1, messageText: { messageText: "Type 'number' is not assignable to type 'string'." } },
      { start: BAD.indexOf('missing'), length: 7, category: 1, messageText: "Cannot find name 'missing'." },
      { start: 0, length: 8, category: 2, messageText: 'a suggestion' },
      { start: 9, length: 1, category: 0, messageText: { messageText: 'outer', next: [{ messageText: 'inner' }] } },
    ]);
    release();
    const found = await scriptDiagnostics(m, async () => worker);
    expect(found).toContainEqual({ line: 2, column: 9, end_line: 2, end_column: 10, severity: 'error', message: "Type 'number' is not assignable to type 'string'." });
    expect(found).toContainEqual({ line: 3, column: 10, end_line: 3, end_column: 17, severity: 'error', message: "Cannot find name 'missing'." });
    expect(found).toContainEqual(expect.objectContaining({ severity: 'warning', message: 'outer\n  inner' }));
    expect(found.some((d) => d.message === 'a suggestion')).toBe(false);
  });

  it('drops an answer for a text the candidate has since replaced (a paste while the worker checked)', async () => {
    const m = model(BROKEN);
    // The worker checks the broken text: "',' expected" at line 1 and errors whose offsets mean nothing in the next text.
    const { worker, release } = heldWorker([
      { start: 20, length: 1, category: 1, messageText: "',' expected." },
      { start: BROKEN.length, length: 1, category: 1, messageText: "'}' expected." },
    ]);
    const pending = scriptDiagnostics(m, async () => worker);
    m.edit(BAD); // the paste lands before the answer
    release();
    await expect(pending).rejects.toBeInstanceOf(StaleDiagnostics);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('asks again while the TypeScript mode is still loading, and gives up in the end', async () => {
    const m = model(BAD);
    const { worker, release } = heldWorker([]);
    release();
    let calls = 0;
    const found = await scriptDiagnostics(m, async () => (++calls < 3 ? Promise.reject('TypeScript not registered!') : worker), { attempts: 5, delayMs: 1 });
    expect(found).toEqual([]);
    expect(calls).toBe(3);
    await expect(scriptDiagnostics(m, () => Promise.reject('TypeScript not registered!'), { attempts: 2, delayMs: 1 })).rejects.toBe('TypeScript not registered!');
  });
});
