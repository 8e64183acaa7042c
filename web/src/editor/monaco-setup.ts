import type * as Monaco from 'monaco-editor/editor';
import { javascriptDefaults, typescriptDefaults, ScriptTarget } from 'monaco-editor/languages/features/typescript/register';
import type { SignatureParam } from '../api/types';
import { completionEntries } from './completion';
import { minimalEdit } from './minimal-edit';
import { EDITOR_TOOLS } from './registry';
import { HARNESS_DECLARATIONS } from './script';
import type { CheckDiagnostic, FormatResult } from './types';

/** Timings of the last in-browser lint and format, for the browser test (issue 15: under 50 ms for 200 lines). */
export const editorTimings = { lintMs: -1, formatMs: -1 };

/** The problem's parameters per model (completion offers them), set by the editor for its models. */
const modelParams = new Map<string, readonly SignatureParam[]>();

export function setModelParams(uri: string, params: readonly SignatureParam[]): void {
  modelParams.set(uri, params);
}

/** Where a format's "left as it is" message goes (the page's toolbar). */
let formatListener: ((message: string | null) => void) | null = null;

export function onFormatMessage(listener: ((message: string | null) => void) | null): void {
  formatListener = listener;
}

/** The page's server formatter (POST /api/coding/format needs the candidate's attempt), set by the editor. */
let serverFormatter: ((code: string) => Promise<FormatResult>) | null = null;

export function setServerFormatter(formatter: ((code: string) => Promise<FormatResult>) | null): void {
  serverFormatter = formatter;
}

async function formatOnServer(code: string): Promise<FormatResult> {
  return serverFormatter ? serverFormatter(code) : { ok: false, message: 'Not formatted: the server formatter is not available on this page' };
}

let installed = false;

/**
 * Registers, once per page, a formatting provider and a completion provider per language of the registry, and gives
 * Monaco's TypeScript service LeetCode's options and the harness's declarations. Shift+Alt+F and the Format button
 * both run Monaco's formatDocument, which applies the provider's edit as one undoable step.
 */
export function installEditorTools(monaco: typeof Monaco): void {
  if (installed) return;
  installed = true;
  for (const [language, tools] of Object.entries(EDITOR_TOOLS)) {
    const format = tools.format ?? (tools.serverFormat ? formatOnServer : undefined);
    if (format) {
      monaco.languages.registerDocumentFormattingEditProvider(language, {
        displayName: 'CodeRoom',
        provideDocumentFormattingEdits: async (model) => {
          const before = model.getValue();
          const started = performance.now();
          const result = await format(before);
          editorTimings.formatMs = performance.now() - started;
          if (!result.ok) {
            formatListener?.(result.message);
            return [];
          }
          formatListener?.(null);
          const edit = minimalEdit(before, result.code);
          if (!edit) return [];
          const start = model.getPositionAt(edit.start);
          const end = model.getPositionAt(edit.end);
          return [{ range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column), text: edit.text }];
        },
      });
    }
    const words = tools.completions;
    if (words) {
      const kinds = {
        keyword: monaco.languages.CompletionItemKind.Keyword,
        library: monaco.languages.CompletionItemKind.Class,
        member: monaco.languages.CompletionItemKind.Field,
        parameter: monaco.languages.CompletionItemKind.Variable,
        module: monaco.languages.CompletionItemKind.Function,
      };
      monaco.languages.registerCompletionItemProvider(language, {
        triggerCharacters: ['.', '>'],
        provideCompletionItems: (model, position) => {
          const word = model.getWordUntilPosition(position);
          const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
          const before = model.getValueInRange(new monaco.Range(position.lineNumber, 1, position.lineNumber, position.column));
          const params = modelParams.get(model.uri.toString()) ?? [];
          return {
            suggestions: completionEntries(words, params, before).map((e) => ({
              label: e.label,
              kind: kinds[e.kind],
              detail: e.detail,
              insertText: e.label,
              range,
            })),
          };
        },
      });
    }
  }
  // LeetCode's TypeScript options (TypeScriptToolchain.cs): no strict, but alwaysStrict, strictBindCallApply and
  // strictFunctionTypes, ES2022. JavaScript is type-checked too (checkJs), so an undefined name or a call on the wrong
  // type shows as it would on LeetCode's editor.
  const options = {
    target: 9 as ScriptTarget, // ES2022: Monaco's enum stops at ES2020, TypeScript's own value for ES2022 is 9
    allowNonTsExtensions: true,
    strict: false,
    alwaysStrict: true,
    strictBindCallApply: true,
    strictFunctionTypes: true,
    noEmit: true,
  };
  typescriptDefaults.setCompilerOptions(options);
  javascriptDefaults.setCompilerOptions({ ...options, allowJs: true, checkJs: true });
  for (const defaults of [typescriptDefaults, javascriptDefaults]) {
    // Errors and warnings come from the editor's own pass (script-diagnostics.ts), which drops an answer for an older
    // text; Monaco's adapter would map it onto the newer one. Its suggestions (faded unused names) stay: hints only.
    defaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: true, noSuggestionDiagnostics: false });
    defaults.addExtraLib(HARNESS_DECLARATIONS, 'file:///coderoom-harness.d.ts');
  }
}

/** Our diagnostics as Monaco markers. */
export function toMarkers(monaco: typeof Monaco, diagnostics: readonly CheckDiagnostic[]): Monaco.editor.IMarkerData[] {
  return diagnostics.map((d) => ({
    severity:
      d.severity === 'error' ? monaco.MarkerSeverity.Error : d.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info,
    message: d.message,
    startLineNumber: d.line,
    startColumn: d.column,
    endLineNumber: d.end_line,
    endColumn: d.end_column,
    source: 'coderoom',
  }));
}
