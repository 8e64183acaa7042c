// Types of the CodeRoom embed client (coderoom-embed.js, a classic script defining the global CodeRoomEmbed).
// Copy this file into the host app, or reference it with /// <reference path="coderoom-embed.d.ts" />.

export type CodeRoomLanguage = 'python' | 'java' | 'cpp' | 'javascript' | 'typescript';

export interface CodeRoomSummary {
  status: string;
  passed?: number;
  total?: number;
  runtime_ms?: number;
  memory_kb?: number;
}

/** What the candidate saw. A Submit carries the summary only (never hidden tests); a Run adds the public tests. */
export interface CodeRoomResult {
  mode: 'run' | 'submit';
  id: string;
  status: 'finished' | 'failed' | 'queued' | 'running';
  summary?: CodeRoomSummary;
  results?: { test_id: string; pass: boolean | null; verdict?: string; actual?: unknown; expected?: unknown; stdout?: string }[];
  compile_output?: string;
  error?: string;
}

export interface CodeRoomEvents {
  /** The page loaded and asked for the token (the client answers it). */
  ready: { type: 'coderoom:ready'; problem: string; attempt: string };
  /** The candidate's code, debounced (500 ms after the last keystroke). */
  codeChanged: { type: 'coderoom:code-changed'; language: CodeRoomLanguage; code: string };
  runFinished: { type: 'coderoom:run-finished'; result: CodeRoomResult };
  submitted: { type: 'coderoom:submitted'; result: CodeRoomResult };
  error: { type: 'coderoom:error'; message: string };
}

export interface CodeRoomMountOptions {
  /** The CodeRoom service, e.g. https://coderoom.example.com (its origin must list yours in EMBED_ORIGINS). */
  serviceUrl: string;
  problem: string;
  /** From POST /api/attempts with the candidate's token. */
  attempt: string;
  language?: CodeRoomLanguage;
  /** The candidate's JWT, or a function returning it (called when the page is ready). */
  token: string | (() => string | Promise<string>);
  title?: string;
  height?: string;
}

export interface CodeRoomFrame {
  readonly iframe: HTMLIFrameElement;
  on<K extends keyof CodeRoomEvents>(name: K, listener: (event: CodeRoomEvents[K]) => void): () => void;
  setToken(token: string): void;
  destroy(): void;
}

export interface CodeRoomEmbedApi {
  mount(container: HTMLElement, options: CodeRoomMountOptions): CodeRoomFrame;
  version: string;
}

declare global {
  interface Window {
    CodeRoomEmbed: CodeRoomEmbedApi;
  }
  const CodeRoomEmbed: CodeRoomEmbedApi;
}
