// The read-only views' Monaco (ReadOnlyViews.tsx; the IDE's editor has its own setup in CodeEditor.tsx). Bundled with the page: loader.config({ monaco }) keeps @monaco-editor/react from fetching its CDN copy,
// and MonacoEnvironment.getWorker serves the editor worker from our own bundle (shared/research/nextjs-monaco-offline.md).
// Import only from modules loaded through next/dynamic with ssr:false: Monaco touches `window` at import time.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/definitions/java/register';
import 'monaco-editor/languages/definitions/cpp/register';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/go/register';
import { loader } from '@monaco-editor/react';

type MonacoEnv = { getWorker: (id: string, label: string) => Worker };
(self as unknown as { MonacoEnvironment: MonacoEnv }).MonacoEnvironment = {
  getWorker: () => new Worker(new URL('./monaco.worker.ts', import.meta.url), { type: 'module' }),
};
loader.config({ monaco });

export { monaco };
