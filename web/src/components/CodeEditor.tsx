'use client';
// Monaco bundled with the page (monaco-setup.ts).
// Load this module only through next/dynamic with ssr:false: Monaco touches `window` at import time.
import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import type { Language } from '../api/types';
import { monaco } from './monaco-setup';

export interface EditorHandle {
  getValue(): string;
  setValue(code: string): void;
  focus(): void;
  /** Monaco's language mode of the current model (python, java, cpp, javascript, typescript). */
  languageId(): string | null;
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
}

const MONACO_LANG: Record<Language, string> = {
  python: 'python',
  java: 'java',
  cpp: 'cpp',
  javascript: 'javascript',
  typescript: 'typescript',
};

export default function CodeEditor(props: CodeEditorProps) {
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const cb = useRef(props);
  cb.current = props;

  const onMount: OnMount = (editor) => {
    editorRef.current = editor as unknown as monaco.editor.IStandaloneCodeEditor;
    const ed = editorRef.current;
    decorations.current = ed.createDecorationsCollection([]);
    ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => cb.current.onRun());
    ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => cb.current.onSubmit());
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
    };
    // Test hook for the end-to-end tests (reads the buffer; Monaco virtualises lines in the DOM).
    (window as unknown as { __coderoomEditor?: EditorHandle }).__coderoomEditor = handle;
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
