'use client';
import dynamic from 'next/dynamic';
import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, createClient, describeError, isPending, pollUntilDone, toOutcome } from '../api/client';
import { LANGUAGES, LANGUAGE_LABELS, type CheckDiagnostic, type Json, type Language, type Outcome, type ProblemDetail } from '../api/types';
import { getToken, setToken, tokenSubject } from '../lib/auth';
import { Autosaver, draftKey, type SaveState } from '../lib/autosave';
import { useCandidateRoom } from '../lib/candidate-room';
import { useTheme } from '../lib/hooks';
import { renderSignature } from '../lib/types-validate';
import { HOST_ATTEMPT_KEY } from './AuthGate';
import type { FormatResult } from '../editor/types';
import type { EditorHandle, EditorMark } from './CodeEditor';
import { Header } from './Header';
import { Markdown } from './Markdown';
import { OutputPanel } from './OutputPanel';
import { SplitPane } from './SplitPane';
import { TestCasesTab, validateCases, type CustomCase } from './TestCasesTab';

const CodeEditor = dynamic(() => import('./CodeEditor'), {
  ssr: false,
  loading: () => <div className="muted pad">Loading editor…</div>,
});

/** The service's default RequestLimits:MaxCustomInputs. */
const MAX_CUSTOM_INPUTS = 10;

const EXT: Record<Language, string> = { python: 'py', java: 'java', cpp: 'cpp', javascript: 'js', typescript: 'ts', go: 'go', rust: 'rs', csharp: 'cs' };

const SAVE_LABEL: Record<SaveState, string> = {
  idle: '',
  dirty: 'Unsaved changes',
  saving: 'Saving…',
  saved: 'Saved',
  error: 'Not saved (retrying)',
};

/** The error line the API reports (compile info, the run, or the first failing test), else one named in the message. */
export function errorMark(o: Outcome | null): EditorMark | null {
  if (!o) return null;
  const failing = o.results.find((r) => r.error_line || r.error);
  const message = (o.compile && o.compile.ok === false ? o.compile.output : undefined) ?? o.error ?? failing?.error ?? '';
  const line = o.compile?.error_line ?? o.error_line ?? failing?.error_line ?? null;
  if (line) return { line, message: message || 'Error' };
  if (!message) return null;
  return lineFromMessage(message);
}

/** Compiler messages: javac `Solution.java:4: error`, g++ `solution.cpp:4:12: error`, tsc and C# `Line 4: Char 5: error`,
 * go `solution.go:4:5: message`, rustc `error[E0308]: ...` then ` --> solution.rs:4:12`, Python and JavaScript `line 4`. */
export function lineFromMessage(message: string): EditorMark | null {
  const m =
    /^[^\s:]+:(\d+):(?:\d+:)?\s*(?:fatal )?error\b/m.exec(message) ??
    /^solution\.go:(\d+):\d+: /m.exec(message) ??
    /^\s*--> solution\.rs:(\d+):/m.exec(message) ??
    /\bline (\d+)\b/i.exec(message);
  return m ? { line: Number(m[1]), message } : null;
}

function starterFor(p: ProblemDetail, lang: Language): string {
  const s = p.starters?.[lang];
  if (s) return s;
  const sig = p.signatures?.[lang] ?? renderSignature(p.signature, lang);
  if (lang === 'python') return `class Solution:\n    ${sig}:\n        pass\n`;
  if (lang === 'java') return `class Solution {\n    ${sig} {\n        \n    }\n}\n`;
  if (lang === 'javascript' || lang === 'typescript') return `${sig} {\n    \n};\n`;
  if (lang === 'go') return `${sig} {\n    \n}\n`;
  if (lang === 'rust') return `impl Solution {\n    ${sig} {\n        \n    }\n}\n`;
  if (lang === 'csharp') return `public class Solution {\n    ${sig} {\n        \n    }\n}\n`;
  return `class Solution {\npublic:\n    ${sig} {\n        \n    }\n};\n`;
}

/** The embed page's side (issue 16): what the IDE tells the host. The embed page posts these to the host origin only. */
export interface EmbedBridge {
  problem: string;
  attempt: string;
  language?: Language;
  codeChanged(language: Language, code: string): void;
  finished(outcome: Outcome): void;
  error(message: string): void;
}

export function ProblemView({ embed }: { embed?: EmbedBridge } = {}) {
  const params = useSearchParams();
  const slug = embed?.problem ?? params.get('slug') ?? '';
  const interviewId = params.get('interview') ?? 'practice';
  const api = useMemo(() => createClient(), []);
  const [theme] = useTheme();
  const user = tokenSubject(getToken()) ?? 'anonymous';

  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attemptId, setAttemptId] = useState<string | null>(null);
  const [lang, setLang] = useState<Language>(embed?.language ?? 'python');
  const [codes, setCodes] = useState<Partial<Record<Language, string>>>({});
  const [saveState, setSaveState] = useState<Record<string, SaveState>>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [runError, setRunError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'run' | 'submit' | null>(null);
  const busyRef = useRef<'run' | 'submit' | null>(null);
  const [tab, setTab] = useState<'testcases' | 'result'>('testcases');
  const [cases, setCases] = useState<CustomCase[]>([]);
  const [runInputs, setRunInputs] = useState<(Record<string, Json> | undefined)[]>([]);
  const [retryUntil, setRetryUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const editor = useRef<EditorHandle | null>(null);
  const [formatNote, setFormatNote] = useState<string | null>(null);
  /** Languages the server said it does not check (a language whose toolchain has no check yet): not asked again. */
  const uncheckable = useRef(new Set<Language>());
  const retryUntilRef = useRef<number | null>(null);

  const autosaver = useMemo(
    () =>
      new Autosaver({
        save: (d) => api.putDraft(d),
        delayMs: 800,
        onState: (k, s) => setSaveState((prev) => ({ ...prev, [k]: s })),
      }),
    [api],
  );
  useEffect(() => () => autosaver.dispose(), [autosaver]);

  // Problem.
  useEffect(() => {
    if (!slug) {
      setLoadError('No problem selected.');
      return;
    }
    let live = true;
    api
      .problem(slug)
      .then((p) => live && setProblem(p))
      .catch((e) => {
        if (!live) return;
        // An expired or foreign token: back to sign-in (or to waiting for the host's token).
        if (e instanceof ApiError && e.kind === 'unauthorized') setToken(null);
        else setLoadError(e instanceof ApiError && e.kind === 'not_found' ? `Problem "${slug}" not found.` : describeError(e));
      });
    const savedLang = embed?.language ? null : localStorage.getItem(`coderoom:lang:${slug}`);
    if (savedLang && (LANGUAGES as readonly string[]).includes(savedLang)) setLang(savedLang as Language);
    try {
      const savedCases = JSON.parse(localStorage.getItem(`coderoom:cases:${slug}`) ?? '[]') as CustomCase[];
      if (Array.isArray(savedCases)) setCases(savedCases);
    } catch {
      /* a corrupt entry just means no saved custom cases */
    }
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, slug]);

  // Attempt: from the host page, else one per (user, problem, interview) kept in localStorage.
  useEffect(() => {
    if (!slug) return;
    const fromHost = embed?.attempt ?? sessionStorage.getItem(HOST_ATTEMPT_KEY) ?? params.get('attempt_id');
    if (fromHost) {
      setAttemptId(fromHost);
      return;
    }
    const key = `coderoom:attempt:${user}:${interviewId}:${slug}`;
    const saved = localStorage.getItem(key);
    let live = true;
    (async () => {
      // A remembered attempt may be gone (database reset) or belong to another user: check it, else start a new one.
      if (saved && (await api.attemptExists(saved))) return saved;
      const a = await api.createAttempt(interviewId);
      localStorage.setItem(key, a.attempt_id);
      return a.attempt_id;
    })()
      .then((id) => live && setAttemptId(id))
      .catch((e) => {
        if (!live) return;
        if (e instanceof ApiError && e.kind === 'unauthorized') setToken(null);
        else setLoadError(`Could not start an attempt: ${describeError(e)}`);
      });
    return () => {
      live = false;
    };
  }, [api, slug, user, interviewId, params, embed?.attempt]);

  // Draft of the current language: server draft, else the starter template.
  useEffect(() => {
    if (!problem || !attemptId || codes[lang] !== undefined) return;
    let live = true;
    const key = { attempt_id: attemptId, problem_id: problem.slug, language: lang };
    api
      .getDraft(key)
      .then((d) => {
        if (!live) return;
        const code = d?.code ?? starterFor(problem, lang);
        autosaver.baseline(key, code, d ? 'saved' : 'idle');
        setCodes((c) => (c[lang] === undefined ? { ...c, [lang]: code } : c));
      })
      .catch((e) => {
        if (!live) return;
        if (e instanceof ApiError && e.kind === 'unauthorized') {
          setLoadError(describeError(e));
          return;
        }
        const code = starterFor(problem, lang);
        setCodes((c) => (c[lang] === undefined ? { ...c, [lang]: code } : c));
        setRunError(`Could not load your saved draft: ${describeError(e)}`);
      });
    return () => {
      live = false;
    };
  }, [api, autosaver, problem, attemptId, lang, codes]);

  // Save before the tab goes away.
  useEffect(() => {
    const onHide = () => void autosaver.flush();
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (autosaver.hasUnsaved()) {
        void autosaver.flush();
        e.preventDefault();
      }
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [autosaver]);

  // Rate-limit countdown.
  useEffect(() => {
    if (!retryUntil) return;
    const t = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= retryUntil) setRetryUntil(null);
    }, 250);
    return () => clearInterval(t);
  }, [retryUntil]);

  // The interview room: the interviewer's live view follows this editor (and the candidate is told when watched).
  const room = useCandidateRoom(attemptId, () => {
    const current = editor.current?.getValue() ?? codes[lang];
    return problem && current !== undefined ? { problem: problem.slug, language: lang, code: current } : null;
  });
  const roomChanged = room.changed;
  useEffect(() => {
    if (codes[lang] !== undefined) roomChanged();
  }, [lang, codes, roomChanged]);

  const onCodeChange = useCallback(
    (code: string) => {
      if (!problem || !attemptId) return;
      setFormatNote(null);
      setCodes((c) => ({ ...c, [lang]: code }));
      autosaver.change({ attempt_id: attemptId, problem_id: problem.slug, language: lang }, code);
      roomChanged();
      embed?.codeChanged(lang, code);
    },
    [problem, attemptId, lang, autosaver, roomChanged, embed],
  );

  const go = useCallback(
    async (mode: 'run' | 'submit') => {
      if (busyRef.current || !problem || !attemptId) return;
      // Respect Retry-After: the buttons are disabled meanwhile, and the shortcuts wait too.
      if (retryUntilRef.current && Date.now() < retryUntilRef.current) return;
      const code = editor.current?.getValue() ?? codes[lang];
      if (code === undefined) return;
      let custom: Record<string, Json>[] = [];
      if (mode === 'run' && cases.length) {
        const v = validateCases(problem.signature, cases);
        if (cases.length > MAX_CUSTOM_INPUTS) {
          setTab('testcases');
          setRunError(`At most ${MAX_CUSTOM_INPUTS} custom inputs per run; remove ${cases.length - MAX_CUSTOM_INPUTS}.`);
          return;
        }
        if (!v.ok) {
          setTab('testcases');
          setRunError('Fix the highlighted custom inputs before running.');
          return;
        }
        custom = v.values;
      }
      busyRef.current = mode;
      setBusy(mode);
      setRunError(null);
      setOutcome(null);
      setTab('result');
      try {
        await autosaver.flush().catch(() => undefined);
        const base = { attempt_id: attemptId, problem_id: problem.slug, language: lang, code };
        const first =
          mode === 'run'
            ? toOutcome('run', await api.run(custom.length ? { ...base, custom_inputs: custom } : base))
            : toOutcome('submit', await api.submit(base));
        // With custom inputs the service runs those (each result carries its input); otherwise the public examples.
        setRunInputs(mode === 'run' ? (custom.length ? custom : (problem.examples ?? []).map((e) => e.input)) : []);
        setOutcome(first);
        const done = isPending(first.status) ? await pollUntilDone(api, first, { onProgress: setOutcome }) : first;
        if (mode === 'run' && done.results.length) {
          done.results = done.results.map((r) => (String(r.test_id).startsWith('custom') ? { ...r, custom: true } : r));
        }
        setOutcome(done);
        embed?.finished(done);
      } catch (e) {
        embed?.error(describeError(e));
        if (e instanceof ApiError && e.kind === 'rate_limited' && e.retryAfterSeconds !== undefined) {
          retryUntilRef.current = Date.now() + e.retryAfterSeconds * 1000;
          setRetryUntil(retryUntilRef.current);
          setNow(Date.now());
        }
        setRunError(describeError(e));
      } finally {
        busyRef.current = null;
        setBusy(null);
      }
    },
    [api, autosaver, attemptId, cases, codes, lang, problem, embed],
  );

  // Ctrl/Cmd+Enter and Ctrl/Cmd+Shift+Enter outside the editor (Monaco has its own bindings inside).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
      e.preventDefault();
      void go(e.shiftKey ? 'submit' : 'run');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  const changeLang = (l: Language) => {
    setLang(l);
    if (slug) localStorage.setItem(`coderoom:lang:${slug}`, l);
    setOutcome(null);
  };

  const resetToTemplate = () => {
    if (!problem) return;
    if (!window.confirm(`Reset your ${LANGUAGE_LABELS[lang]} code to the starter template? Your current code for this language will be replaced.`)) return;
    const tpl = starterFor(problem, lang);
    if (editor.current) editor.current.setValue(tpl);
    else onCodeChange(tpl);
  };

  const updateCases = (c: CustomCase[]) => {
    setCases(c);
    if (slug) localStorage.setItem(`coderoom:cases:${slug}`, JSON.stringify(c));
  };

  const mark = useMemo(() => errorMark(outcome), [outcome]);

  useEffect(() => {
    if (loadError) embed?.error(loadError);
  }, [loadError, embed]);

  // Live diagnostics of compiled languages (issue 15): the editor debounces and aborts; a refused or failed check
  // (rate limit, network) leaves the markers as they were, and Run still reports everything.
  const check = useMemo(() => {
    if (!problem || !attemptId || uncheckable.current.has(lang)) return null;
    return async (code: string, signal: AbortSignal): Promise<CheckDiagnostic[]> => {
      try {
        const r = await api.check({ attempt_id: attemptId, problem_id: problem.slug, language: lang, code }, signal);
        // Not checked (busy, or stopped by the budget before saying anything): keep the markers as they are.
        if (r.complete === false && !r.diagnostics?.length) throw new Error(r.message ?? 'not checked');
        return r.diagnostics ?? [];
      } catch (e) {
        if (e instanceof ApiError && e.kind === 'invalid' && e.problem?.errors?.language) uncheckable.current.add(lang);
        throw e;
      }
    };
  }, [api, problem, attemptId, lang]);

  // The editor's Format for a language with no formatter in the browser (Rust: rustfmt in the server's sandbox). The
  // check's rate limit applies; a refused or failed request leaves the code as it is and says why.
  const serverFormat = useMemo(() => {
    if (!attemptId) return null;
    return async (code: string): Promise<FormatResult> => {
      try {
        const r = await api.format({ attempt_id: attemptId, problem_id: problem?.slug, language: lang, code });
        if (typeof r.formatted === 'string') return { ok: true, code: r.formatted };
        return { ok: false, message: `Not formatted: ${r.message ?? 'the formatter gave no answer'}` };
      } catch (e) {
        // Formats share the live check's limit, not Run's: describeError would say "Too many runs".
        const why =
          e instanceof ApiError && e.kind === 'rate_limited'
            ? `too many checks and formats, try again in ${e.retryAfterSeconds ?? 'a few'} s`
            : describeError(e);
        return { ok: false, message: `Not formatted: ${why}` };
      }
    };
  }, [api, problem, attemptId, lang]);

  if (loadError) {
    return (
      <>
        {!embed && <Header />}
        <div className="pad">
          <div className="banner error" role="alert" data-testid="load-error">
            {loadError}
          </div>
          <a href="/">Back to problems</a>
        </div>
      </>
    );
  }
  if (!problem) {
    return (
      <>
        {!embed && <Header />}
        <div className="pad muted">Loading problem…</div>
      </>
    );
  }

  const key = attemptId ? draftKey({ attempt_id: attemptId, problem_id: problem.slug, language: lang }) : '';
  const save = saveState[key] ?? 'idle';
  const code = codes[lang];
  const retryIn = retryUntil ? Math.max(0, Math.ceil((retryUntil - now) / 1000)) : 0;
  const shownError = runError && retryUntil && retryIn > 0 ? `Too many runs, try again in ${retryIn} s` : runError;

  const left = (
    <div className="statement" data-testid="statement">
      <h1 data-testid="problem-title">{problem.title}</h1>
      <div className="meta">
        {problem.difficulty && <span className={`difficulty ${problem.difficulty}`}>{problem.difficulty}</span>}
        {problem.topics?.map((t) => (
          <span key={t} className="tag">
            {t}
          </span>
        ))}
      </div>
      <Markdown>{problem.statement_md}</Markdown>
      {problem.constraints_md ? (
        <section>
          <h2>Constraints</h2>
          <Markdown>{problem.constraints_md}</Markdown>
        </section>
      ) : null}
      {problem.examples && problem.examples.length > 0 && !/example/i.test(problem.statement_md) && (
        <section>
          <h2>Examples</h2>
          {problem.examples.map((ex, i) => (
            <pre key={i} className="example">
              {Object.entries(ex.input)
                .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
                .join(', ')}
              {ex.expected !== undefined ? `\nOutput: ${JSON.stringify(ex.expected)}` : ''}
            </pre>
          ))}
        </section>
      )}
      <section>
        <h2>Signature ({LANGUAGE_LABELS[lang]})</h2>
        <pre className="signature" data-testid="signature">
          <code>{problem.signatures?.[lang] ?? renderSignature(problem.signature, lang)}</code>
        </pre>
      </section>
    </div>
  );

  const editorPane = (
    <div className="editor-pane">
      <div className="toolbar">
        <select value={lang} onChange={(e) => changeLang(e.target.value as Language)} aria-label="Language" data-testid="language">
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {LANGUAGE_LABELS[l]}
            </option>
          ))}
        </select>
        <button type="button" className="ghost" onClick={resetToTemplate} data-testid="reset">
          Reset to template
        </button>
        <button type="button" className="ghost" onClick={() => void editor.current?.format()} title="Format (Shift+Alt+F)" data-testid="format">
          Format
        </button>
        {formatNote && (
          <span className="format-note" role="status" data-testid="format-note">
            {formatNote}
          </span>
        )}
        <span className={`save-state ${save}`} data-testid="save-state" data-state={save} aria-live="polite">
          {SAVE_LABEL[save]}
        </span>
        <span className="grow" />
        <button
          type="button"
          onClick={() => void go('run')}
          disabled={!!busy || retryIn > 0}
          aria-busy={busy === 'run'}
          title="Run (Ctrl+Enter)"
          data-testid="run"
        >
          {busy === 'run' ? (
            <>
              <span className="spinner" /> Running…
            </>
          ) : (
            '▶ Run'
          )}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void go('submit')}
          disabled={!!busy || retryIn > 0}
          aria-busy={busy === 'submit'}
          title="Submit (Ctrl+Shift+Enter)"
          data-testid="submit"
        >
          {busy === 'submit' ? (
            <>
              <span className="spinner" /> Submitting…
            </>
          ) : (
            'Submit'
          )}
        </button>
      </div>
      {room.watched && (
        <div className="banner watched" role="status" data-testid="watched-banner">
          An interviewer is watching this session live: they see your code, language, runs and submissions as you do.
        </div>
      )}
      <div className="editor-host" data-testid="editor">
        {code === undefined || !attemptId ? (
          <div className="muted pad">Loading your code…</div>
        ) : (
          <CodeEditor
            language={lang}
            path={`file:///${problem.slug}/${attemptId}/Solution.${EXT[lang]}`}
            defaultValue={code}
            theme={theme}
            mark={mark}
            onChange={onCodeChange}
            onRun={() => void go('run')}
            onSubmit={() => void go('submit')}
            onReady={(h) => (editor.current = h)}
            params={problem.signature.params}
            check={check}
            serverFormat={serverFormat}
            onFormatMessage={setFormatNote}
          />
        )}
      </div>
    </div>
  );

  const bottom = (
    <div className="bottom-pane">
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'testcases'} className={tab === 'testcases' ? 'active' : ''} onClick={() => setTab('testcases')} data-testid="tab-testcases">
          Testcase
        </button>
        <button type="button" role="tab" aria-selected={tab === 'result'} className={tab === 'result' ? 'active' : ''} onClick={() => setTab('result')} data-testid="tab-result">
          Result
        </button>
      </div>
      <div className="tab-body">
        {tab === 'testcases' ? (
          <>
            {shownError && (
              <div className="banner error" role="alert" data-testid="output-error">
                {shownError}
              </div>
            )}
            <TestCasesTab signature={problem.signature} examples={problem.examples ?? []} cases={cases} onChange={updateCases} hasReference={problem.has_reference} />
          </>
        ) : (
          <OutputPanel outcome={outcome} inputs={runInputs} error={shownError} busy={busy} />
        )}
      </div>
    </div>
  );

  return (
    <div className={embed ? 'app embedded' : 'app'}>
      {!embed && (
        <Header>
          <span className="crumb">{problem.title}</span>
        </Header>
      )}
      <main className="workspace">
        <SplitPane
          id="main"
          direction="horizontal"
          initial={0.42}
          first={left}
          second={<SplitPane id="right" direction="vertical" initial={0.62} first={editorPane} second={bottom} />}
        />
      </main>
    </div>
  );
}
