'use client';
// Monaco bundled with the page (monaco-setup.ts).
// Load this module only through next/dynamic with ssr:false: Monaco touches `window` at import time.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/definitions/java/register';
import 'monaco-editor/languages/definitions/cpp/register';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/go/register';
import 'monaco-editor/languages/features/typescript/register';
import 'monaco-editor/languages/definitions/rust/register';
import 'monaco-editor/languages/definitions/csharp/register';
import Editor, { loader, type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import type { CheckDiagnostic, Language, SignatureParam } from '../api/types';
import { LiveChecker } from '../editor/live-check';
import { getJavaScriptWorker, getTypeScriptWorker } from 'monaco-editor/languages/features/typescript/register';
import { editorTimings, installEditorTools, onFormatMessage, setModelParams, setServerFormatter, toMarkers } from '../editor/monaco-setup';
import { scriptDiagnostics } from '../editor/script-diagnostics';
import { toolsFor } from '../editor/registry';
import type { FormatResult } from '../editor/types';

type MonacoEnv = { getWorker: (id: string, label: string) => Worker };
(self as unknown as { MonacoEnvironment: MonacoEnv }).MonacoEnvironment = {
  // JavaScript and TypeScript get Monaco's TypeScript service worker; everything else the plain editor worker.
  getWorker: (_id, label) =>
    label === 'typescript' || label === 'javascript'
      ? new Worker(new URL('./ts.worker.ts', import.meta.url), { type: 'module' })
      : new Worker(new URL('./monaco.worker.ts', import.meta.url), { type: 'module' }),
};
loader.config({ monaco });
installEditorTools(monaco);

/** Quiet time before a lint in the browser, and before a server check (which costs a sandboxed compiler pass). */
const LINT_DELAY_MS = 250;
const CHECK_DELAY_MS = 250;
/** Owner of the live-diagnostics markers (Run's error mark has its own, "coderoom"). */
const LINT_OWNER = 'coderoom-lint';

export interface EditorHandle {
  getValue(): string;
  setValue(code: string): void;
  focus(): void;
  /** Monaco's language mode of the current model (python, java, cpp, javascript, typescript, go, rust, csharp). */
  languageId(): string | null;
  /** Formats the code (as Shift+Alt+F): one undoable edit, the cursor kept near. */
  format(): Promise<void>;
  /** The current model's markers, every owner (ours, Monaco's TypeScript service): for the browser test. */
  markers(): { line: number; column: number; severity: 'error' | 'warning' | 'info'; message: string; owner: string }[];
}

export interface EditorMark {
  line: number;
  message: string;
}

export interface CodeEditorProps {
  language: Language;
  /** Model path: one model per (problem, language), so switching languages keeps each buffer and its undo stack. */
  path: string;
  defaultValue: string;
  theme: 'light' | 'dark';
  mark: EditorMark | null;
  onChange: (code: string) => void;
  onRun: () => void;
  onSubmit: () => void;
  onReady?: (h: EditorHandle) => void;
  /** The problem's parameters, offered by completion. */
  params?: readonly SignatureParam[];
  /** The server's check for compiled languages (POST /api/coding/check); null turns it off. */
  check?: ((code: string, signal: AbortSignal) => Promise<CheckDiagnostic[]>) | null;
  /** The server's formatter for languages with none in the browser (Rust: POST /api/coding/format). */
  serverFormat?: ((code: string) => Promise<FormatResult>) | null;
  /** A format that left the code as it is says why; null clears it. */
  onFormatMessage?: (message: string | null) => void;
}

const MONACO_LANG: Record<Language, string> = {
  python: 'python',
  java: 'java',
  cpp: 'cpp',
  javascript: 'javascript',
  typescript: 'typescript',
  go: 'go',
  rust: 'rust',
  csharp: 'csharp',
};

export default function CodeEditor(props: CodeEditorProps) {
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const cb = useRef(props);
  cb.current = props;
  const checker = useRef<LiveChecker | null>(null);

  /** Lints (in the browser) or checks (on the server) the current model's code, a moment after typing stops. */
  function scheduleLint(delayOverride?: number) {
    const ed = editorRef.current;
    const model = ed?.getModel();
    if (!ed || !model) return;
    const languageId = model.getLanguageId();
    const tools = toolsFor(languageId);
    // JavaScript and TypeScript: the TypeScript service's errors, only for the text it checked (script-diagnostics.ts).
    const script = tools?.monacoService
      ? () =>
          scriptDiagnostics(model, async () =>
            (await (languageId === 'typescript' ? getTypeScriptWorker() : getJavaScriptWorker()))(model.uri),
          )
      : null;
    const lint = tools?.lint ?? script;
    const check = tools?.serverCheck ? cb.current.check : null;
    if (!lint && !check) {
      checker.current?.cancel();
      return;
    }
    checker.current?.dispose();
    checker.current = new LiveChecker({
      delayMs: lint ? LINT_DELAY_MS : CHECK_DELAY_MS,
      run: async (code, signal) => {
        if (lint) {
          const started = performance.now();
          const found = await lint(code);
          if (lint !== script) editorTimings.lintMs = performance.now() - started;
          if (!check) return found;
          // Python: the browser's lint, then the server's type pass (mypy) for what a linter cannot infer.
          return withServerCheck(found, () => check(code, signal), signal);
        }
        return check!(code, signal);
      },
      apply: (diagnostics, code) => {
        // Only onto the model the code came from, and only if it still holds that code (else a newer check follows).
        if (model.isDisposed() || model.getValue() !== code) return;
        monaco.editor.setModelMarkers(model, LINT_OWNER, toMarkers(monaco, diagnostics));
      },
    });
    checker.current.schedule(model.getValue(), delayOverride);
  }

  const onMount: OnMount = (editor) => {
    editorRef.current = editor as unknown as monaco.editor.IStandaloneCodeEditor;
    const ed = editorRef.current;
    decorations.current = ed.createDecorationsCollection([]);
    ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => cb.current.onRun());
    ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => cb.current.onSubmit());
    // Shift+Alt+F as in VS Code on every platform (Monaco binds it only on Windows and macOS; Linux gets Ctrl+Shift+I).
    ed.addCommand(monaco.KeyMod.Shift | monaco.KeyMod.Alt | monaco.KeyCode.KeyF, () => {
      void ed.getAction('editor.action.formatDocument')?.run();
    });
    onFormatMessage((m) => cb.current.onFormatMessage?.(m));
    setServerFormatter((code) =>
      cb.current.serverFormat ? cb.current.serverFormat(code) : Promise.resolve({ ok: false, message: 'Not formatted: no attempt yet' }),
    );
    ed.onDidChangeModelContent(() => scheduleLint());
    ed.onDidChangeModel(() => {
      const model = ed.getModel();
      if (model) setModelParams(model.uri.toString(), cb.current.params ?? []);
      scheduleLint(0);
    });
    const first = ed.getModel();
    if (first) setModelParams(first.uri.toString(), cb.current.params ?? []);
    scheduleLint(0);
    const handle: EditorHandle = {
      getValue: () => ed.getValue(),
      setValue: (code) => {
        const model = ed.getModel();
        // pushEditOperations keeps the reset undoable (Ctrl+Z brings the candidate's code back).
        if (model) {
          model.pushEditOperations([], [{ range: model.getFullModelRange(), text: code }], () => null);
        }
      },
      focus: () => ed.focus(),
      languageId: () => ed.getModel()?.getLanguageId() ?? null,
      format: async () => {
        await ed.getAction('editor.action.formatDocument')?.run();
      },
      markers: () => {
        const model = ed.getModel();
        if (!model) return [];
        return monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => ({
          line: m.startLineNumber,
          column: m.startColumn,
          severity: m.severity === monaco.MarkerSeverity.Error ? 'error' : m.severity === monaco.MarkerSeverity.Warning ? 'warning' : 'info',
          message: m.message,
          owner: m.owner,
        }));
      },
    };
    // Test hook for the end-to-end tests (reads the buffer; Monaco virtualises lines in the DOM).
    (window as unknown as { __coderoomEditor?: EditorHandle }).__coderoomEditor = handle;
    (window as unknown as { __coderoomEditorTimings?: typeof editorTimings }).__coderoomEditorTimings = editorTimings;
    cb.current.onReady?.(handle);
    applyMark(cb.current.mark);
  };

  function applyMark(mark: EditorMark | null) {
    const ed = editorRef.current;
    const model = ed?.getModel();
    if (!ed || !model) return;
    if (!mark || mark.line < 1 || mark.line > model.getLineCount()) {
      monaco.editor.setModelMarkers(model, 'coderoom', []);
      decorations.current?.set([]);
      return;
    }
    const line = mark.line;
    monaco.editor.setModelMarkers(model, 'coderoom', [
      {
        severity: monaco.MarkerSeverity.Error,
        message: mark.message,
        startLineNumber: line,
        startColumn: model.getLineFirstNonWhitespaceColumn(line) || 1,
        endLineNumber: line,
        endColumn: model.getLineMaxColumn(line),
      },
    ]);
    decorations.current?.set([
      {
        range: new monaco.Range(line, 1, line, 1),
        options: { isWholeLine: true, className: 'error-line', glyphMarginClassName: 'error-glyph', hoverMessage: { value: mark.message } },
      },
    ]);
    ed.revealLineInCenterIfOutsideViewport(line);
  }

  useEffect(
    () => () => {
      checker.current?.dispose();
      onFormatMessage(null);
      setServerFormatter(null);
    },
    [],
  );

  useEffect(() => {
    applyMark(props.mark);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.mark, props.path]);

  return (
    <Editor
      height="100%"
      path={props.path}
      language={MONACO_LANG[props.language]}
      defaultValue={props.defaultValue}
      theme={props.theme === 'dark' ? 'vs-dark' : 'vs'}
      onMount={onMount}
      onChange={(v) => cb.current.onChange(v ?? '')}
      loading={<div className="muted pad">Loading editor…</div>}
      options={{
        minimap: { enabled: false },
        fontSize: 14,
        automaticLayout: true,
        scrollBeyondLastLine: false,
        glyphMargin: true,
        tabSize: 4,
        fixedOverflowWidgets: true,
      }}
    />
  );
}

/**
 * The browser lint's findings plus the server check's (Python: ruff, then mypy). A failed or refused check (rate limit,
 * network, no type checker on the server) leaves the lint's alone; an aborted one stays aborted (the candidate typed on).
 * A server finding on a line the lint already marks as an error is dropped: the same mistake seen twice.
 */
async function withServerCheck(
  found: CheckDiagnostic[],
  check: () => Promise<CheckDiagnostic[]>,
  signal: AbortSignal,
): Promise<CheckDiagnostic[]> {
  let typed: CheckDiagnostic[];
  try {
    typed = await check();
  } catch (e) {
    if (signal.aborted) throw e;
    return found;
  }
  const errorLines = new Set(found.filter((d) => d.severity === 'error').map((d) => d.line));
  return [...found, ...typed.filter((d) => !errorLines.has(d.line))];
}
