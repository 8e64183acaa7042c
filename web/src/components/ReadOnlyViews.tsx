'use client';
// Read-only Monaco views of the interview room (issue 16): the interviewer's live copy of the candidate's editor, the
// replay's code at a moment, and the diff against the previous run. Load through next/dynamic with ssr:false.
import { DiffEditor, Editor } from '@monaco-editor/react';
import './monaco-setup';

const OPTIONS = {
  readOnly: true,
  domReadOnly: true,
  minimap: { enabled: false },
  fontSize: 14,
  automaticLayout: true,
  scrollBeyondLastLine: false,
  tabSize: 4,
} as const;

/** data-value carries the exact text handed to Monaco, for the browser tests (Monaco virtualises lines in the DOM). */
export function ReadOnlyCode({ code, language, theme, testId }: { code: string; language: string; theme: 'light' | 'dark'; testId: string }) {
  return (
    <div className="readonly-code" data-testid={testId} data-value={code} data-language={language}>
      <Editor height="100%" language={language} value={code} theme={theme === 'dark' ? 'vs-dark' : 'vs'} options={OPTIONS}
        loading={<div className="muted pad">Loading editor…</div>} />
    </div>
  );
}

export function CodeDiff({ before, after, language, theme }: { before: string; after: string; language: string; theme: 'light' | 'dark' }) {
  return (
    <div className="readonly-code" data-testid="replay-diff">
      <DiffEditor height="100%" language={language} original={before} modified={after} theme={theme === 'dark' ? 'vs-dark' : 'vs'}
        options={{ ...OPTIONS, renderSideBySide: true, originalEditable: false }} />
    </div>
  );
}
