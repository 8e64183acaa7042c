import type { CheckDiagnostic } from './types';

/** What of a Monaco model the TypeScript diagnostics need (kept structural, so tests can give a plain object). */
export interface ScriptModel {
  readonly uri: { toString(): string };
  getVersionId(): number;
  isDisposed(): boolean;
  getPositionAt(offset: number): { lineNumber: number; column: number };
}

/** The part of Monaco's TypeScript worker (getTypeScriptWorker()(uri)) used here. */
export interface ScriptWorker {
  getSyntacticDiagnostics(fileName: string): Promise<ScriptDiagnostic[]>;
  getSemanticDiagnostics(fileName: string): Promise<ScriptDiagnostic[]>;
}

type MessageChain = { messageText: string; next?: MessageChain[] };

export interface ScriptDiagnostic {
  start?: number;
  length?: number;
  /** TypeScript's DiagnosticCategory: warning 0, error 1, suggestion 2, message 3. */
  category: 0 | 1 | 2 | 3;
  messageText: string | MessageChain;
}

/** Diagnostics of an older text than the model now holds: dropped, as a check the candidate typed past. */
export class StaleDiagnostics extends Error {
  override name = 'AbortError';
}

/** TypeScript's own flattening of a message chain (as Monaco's adapter shows it). */
function flatten(message: string | MessageChain | undefined, indent = 0): string {
  if (typeof message === 'string') return message;
  if (!message) return '';
  const prefix = indent ? '\n' + '  '.repeat(indent) : '';
  return prefix + message.messageText + (message.next ?? []).map((m) => flatten(m, indent + 1)).join('');
}

const SEVERITY = { 0: 'warning', 1: 'error', 3: 'info' } as const;

/**
 * The TypeScript service's syntax and type errors for JavaScript and TypeScript (issue 15), for the editor's live
 * markers. Monaco's own diagnostics adapter turns the worker's offsets into lines with the model as it is when the
 * answer arrives, whatever text the worker checked: an answer for the text before a paste lands on the pasted text at
 * the old offsets ("',' expected" on lines that never had one, until the next check replaces it). Here an answer is
 * used only if the model's version is still the one the worker was asked about; else StaleDiagnostics.
 * `getWorker` may reject while Monaco's TypeScript mode is still loading (the first model): it is asked again.
 */
export async function scriptDiagnostics(
  model: ScriptModel,
  getWorker: () => Promise<ScriptWorker>,
  retry: { attempts: number; delayMs: number } = { attempts: 50, delayMs: 100 },
): Promise<CheckDiagnostic[]> {
  const version = model.getVersionId();
  let worker: ScriptWorker | null = null;
  for (let attempt = 1; !worker; attempt++) {
    try {
      worker = await getWorker();
    } catch (e) {
      if (attempt >= retry.attempts) throw e;
      await new Promise((resolve) => setTimeout(resolve, retry.delayMs));
    }
    if (model.isDisposed() || model.getVersionId() !== version) throw new StaleDiagnostics();
  }
  const fileName = model.uri.toString();
  const [syntactic, semantic] = await Promise.all([worker.getSyntacticDiagnostics(fileName), worker.getSemanticDiagnostics(fileName)]);
  // The worker syncs the model when asked; an unchanged version since then means these offsets are this text's.
  if (model.isDisposed() || model.getVersionId() !== version) throw new StaleDiagnostics();
  const found: CheckDiagnostic[] = [];
  for (const d of [...syntactic, ...semantic]) {
    if (d.category === 2) continue; // suggestions stay with Monaco's adapter (faded unused names), not squiggles
    const start = d.start ?? 0;
    const from = model.getPositionAt(start);
    const to = model.getPositionAt(start + (d.length || 1));
    found.push({
      line: from.lineNumber,
      column: from.column,
      end_line: to.lineNumber,
      end_column: to.column,
      severity: SEVERITY[d.category],
      message: flatten(d.messageText),
    });
  }
  return found;
}
