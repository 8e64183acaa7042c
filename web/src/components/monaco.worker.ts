// Monaco's editor worker, bundled locally (Python/Java/C++ are Monarch grammars: no language workers needed).
import 'monaco-editor/editor/editor.worker';
