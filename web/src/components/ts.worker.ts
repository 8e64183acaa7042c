// Monaco's TypeScript service worker, bundled locally: diagnostics and completion for JavaScript and TypeScript (issue 15).
import 'monaco-editor/languages/features/typescript/ts.worker';
