'use client';
// Run logs with filters and a detail view. Everything candidates wrote (code, errors, compile output) is rendered as
// React text in <pre> elements: never as HTML.
import { useCallback, useEffect, useState } from 'react';
import type { AdminClient } from '../../api/admin';
import type { RunLogDetail, RunLogFilter, RunLogItem } from '../../api/admin-types';
import { describeError } from '../../api/client';
import { ErrorBanner } from './StatCard';
import { VERDICT_ORDER, formatKb, formatMs, formatTime, verdictLabel } from '../../lib/admin-format';

export interface RunLogFilterForm {
  problem_id: string;
  language: string;
  verdict: string;
  user_id: string;
  attempt_id: string;
  from: string; // datetime-local
  to: string;
}
export const EMPTY_FILTER: RunLogFilterForm = { problem_id: '', language: '', verdict: '', user_id: '', attempt_id: '', from: '', to: '' };

/** The form's values → API filter (trimmed, empty dropped, local times → ISO). */
export function toApiFilter(f: RunLogFilterForm, limit = 50): RunLogFilter {
  const iso = (v: string) => {
    if (!v) return undefined;
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  };
  const t = (v: string) => v.trim() || undefined;
  return {
    problem_id: t(f.problem_id),
    language: t(f.language),
    verdict: t(f.verdict),
    user_id: t(f.user_id),
    attempt_id: t(f.attempt_id),
    from: iso(f.from),
    to: iso(f.to),
    limit,
  };
}

const LANGUAGES = ['python', 'java', 'cpp', 'javascript', 'typescript'];
const VERDICTS = VERDICT_ORDER;

/** The last 8 characters of an id (time-ordered UUIDs share their first ones), the whole id in the title. */
export function shortId(id: string | null | undefined): string {
  if (!id) return '';
  return id.length > 12 ? `…${id.slice(-8)}` : id;
}

function verdictClass(v: string | null): string {
  return v === 'accepted' ? 'ok' : v ? 'bad' : 'muted';
}

export function RunLogBrowser({
  api,
  preset,
}: {
  api: Pick<AdminClient, 'runLogs' | 'runLog'>;
  /** Set from outside (a click on a problem row): replaces the form and searches. */
  preset?: { filter: Partial<RunLogFilterForm>; seq: number };
}) {
  const [form, setForm] = useState<RunLogFilterForm>(EMPTY_FILTER);
  const [applied, setApplied] = useState<RunLogFilterForm>(EMPTY_FILTER);
  const [items, setItems] = useState<RunLogItem[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);

  const load = useCallback(
    async (f: RunLogFilterForm, after: string | null) => {
      setBusy(true);
      setError(null);
      try {
        const page = await api.runLogs({ ...toApiFilter(f), cursor: after ?? undefined });
        setItems((prev) => (after && prev ? [...prev, ...page.items] : page.items));
        setCursor(page.next_cursor);
      } catch (e) {
        setError(describeError(e));
        if (!after) setItems([]);
      } finally {
        setBusy(false);
      }
    },
    [api],
  );

  useEffect(() => {
    void load(EMPTY_FILTER, null);
  }, [load]);

  useEffect(() => {
    if (!preset) return;
    const f = { ...EMPTY_FILTER, ...preset.filter };
    setForm(f);
    setApplied(f);
    setOpenId(null);
    void load(f, null);
  }, [preset, load]);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setApplied(form);
    setOpenId(null);
    void load(form, null);
  };
  const field = (k: keyof RunLogFilterForm) => ({
    value: form[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [k]: e.target.value }),
    'data-testid': `runlog-filter-${k}`,
  });

  return (
    <section className="panel" data-testid="run-logs">
      <div className="panel-head">
        <h2>Run logs</h2>
      </div>
      <form className="filters" onSubmit={submit}>
        <label>
          Problem
          <input {...field('problem_id')} placeholder="two-sum" />
        </label>
        <label>
          Language
          <select {...field('language')}>
            <option value="">any</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          Verdict
          <select {...field('verdict')}>
            <option value="">any</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {verdictLabel(v)}
              </option>
            ))}
          </select>
        </label>
        <label>
          User
          <input {...field('user_id')} placeholder="user id" />
        </label>
        <label>
          Attempt
          <input {...field('attempt_id')} placeholder="attempt id" />
        </label>
        <label>
          From
          <input type="datetime-local" {...field('from')} />
        </label>
        <label>
          To
          <input type="datetime-local" {...field('to')} />
        </label>
        <div className="filter-actions">
          <button type="submit" className="primary" disabled={busy} data-testid="runlog-search">
            Search
          </button>
          <button
            type="button"
            onClick={() => {
              setForm(EMPTY_FILTER);
              setApplied(EMPTY_FILTER);
              void load(EMPTY_FILTER, null);
            }}
          >
            Clear
          </button>
        </div>
      </form>
      <ErrorBanner error={error} />
      {items && (
        <div className="table-wrap">
          <table className="admin-table" data-testid="runlog-table">
            <thead>
              <tr>
                <th>Time</th>
                <th>Problem</th>
                <th>Language</th>
                <th>Mode</th>
                <th>Verdict</th>
                <th className="num">CPU</th>
                <th className="num">Wall</th>
                <th className="num">Peak memory</th>
                <th>User</th>
                <th>Attempt</th>
              </tr>
            </thead>
            <tbody>
              {items.length === 0 && (
                <tr>
                  <td colSpan={10} className="muted">
                    No run logs match.
                  </td>
                </tr>
              )}
              {items.map((r) => (
                <tr
                  key={r.id}
                  className={`clickable${openId === r.id ? ' selected' : ''}`}
                  data-testid="runlog-row"
                  data-id={r.id}
                  data-verdict={r.verdict ?? ''}
                  tabIndex={0}
                  onClick={() => setOpenId(r.id)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') setOpenId(r.id);
                  }}
                >
                  <td>{formatTime(r.created_at)}</td>
                  <td>{String(r.problem_id)}</td>
                  <td>{r.language}</td>
                  <td>{r.mode}</td>
                  <td className={verdictClass(r.verdict)}>{r.verdict || !r.status ? verdictLabel(r.verdict) : verdictLabel(r.status)}</td>
                  <td className="num">{formatMs(r.cpu_ms)}</td>
                  <td className="num">{formatMs(r.wall_ms)}</td>
                  <td className="num">{formatKb(r.peak_memory_kb)}</td>
                  <td className="mono small">{r.user_id}</td>
                  <td className="mono small" title={r.attempt_id}>
                    {shortId(r.attempt_id)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="row-actions">
        {cursor && (
          <button type="button" disabled={busy} onClick={() => void load(applied, cursor)} data-testid="runlog-more">
            Load more
          </button>
        )}
        {busy && <span className="muted small">Loading…</span>}
      </div>
      {openId && <RunLogDetailView api={api} id={openId} onClose={() => setOpenId(null)} />}
    </section>
  );
}

export function RunLogDetailView({ api, id, onClose }: { api: Pick<AdminClient, 'runLog'>; id: string; onClose: () => void }) {
  const [detail, setDetail] = useState<RunLogDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    setDetail(null);
    setError(null);
    api.runLog(id, ctrl.signal).then(setDetail, (e) => {
      if ((e as Error)?.name !== 'AbortError') setError(describeError(e));
    });
    return () => ctrl.abort();
  }, [api, id]);
  return <RunLogDetailBody id={id} detail={detail} error={error} onClose={onClose} />;
}

export function RunLogDetailBody({
  id,
  detail,
  error,
  onClose,
}: {
  id: string;
  detail: RunLogDetail | null;
  error: string | null;
  onClose?: () => void;
}) {
  return (
    <article className="runlog-detail" data-testid="runlog-detail" aria-label={`Run log ${id}`}>
      <div className="panel-head">
        <h3>
          Run log <span className="mono">{id}</span>
        </h3>
        {onClose && (
          <button type="button" onClick={onClose} data-testid="runlog-close">
            Close
          </button>
        )}
      </div>
      <ErrorBanner error={error} />
      {!detail && !error && <p className="muted">Loading…</p>}
      {detail && (
        <>
          <dl className="kv">
            <dt>Verdict</dt>
            <dd className={verdictClass(detail.verdict)} data-testid="detail-verdict">
              {verdictLabel(detail.verdict)}
            </dd>
            <dt>Problem</dt>
            <dd>{String(detail.problem_id)}</dd>
            <dt>Language / mode</dt>
            <dd>
              {detail.language} / {detail.mode}
            </dd>
            <dt>User</dt>
            <dd className="mono">{detail.user_id}</dd>
            <dt>Attempt</dt>
            <dd className="mono">{detail.attempt_id}</dd>
            <dt>Submission</dt>
            <dd className="mono">{detail.submission_id}</dd>
            <dt>Created</dt>
            <dd>{formatTime(detail.created_at)}</dd>
            {detail.judged_at && (
              <>
                <dt>Judged</dt>
                <dd>{formatTime(detail.judged_at)}</dd>
              </>
            )}
            {detail.compile_ms != null && (
              <>
                <dt>Compile time</dt>
                <dd>{formatMs(detail.compile_ms)}</dd>
              </>
            )}
            <dt>CPU / wall</dt>
            <dd>
              {formatMs(detail.cpu_ms)} / {formatMs(detail.wall_ms)}
            </dd>
            <dt>Peak memory</dt>
            <dd>{formatKb(detail.peak_memory_kb)}</dd>
          </dl>
          {detail.compile_output && (
            <>
              <h4>Compile output</h4>
              <pre data-testid="detail-compile-output">{detail.compile_output}</pre>
            </>
          )}
          {detail.internal_message && (
            <>
              <h4>Internal message</h4>
              <pre data-testid="detail-internal">{detail.internal_message}</pre>
            </>
          )}
          <h4>Tests</h4>
          <table className="admin-table compact" data-testid="detail-tests">
            <thead>
              <tr>
                <th className="num">#</th>
                <th>Visibility</th>
                <th>Verdict</th>
                <th className="num">Runtime</th>
                <th className="num">Memory</th>
                <th>Error</th>
              </tr>
            </thead>
            <tbody>
              {(detail.tests ?? []).length === 0 && (
                <tr>
                  <td colSpan={6} className="muted">
                    No tests ran.
                  </td>
                </tr>
              )}
              {(detail.tests ?? []).map((t) => (
                <tr key={t.index} data-testid="detail-test-row">
                  <td className="num">{t.index + 1}</td>
                  <td>{t.visibility}</td>
                  <td className={verdictClass(t.verdict)}>{verdictLabel(t.verdict)}</td>
                  <td className="num">{formatMs(t.runtime_ms)}</td>
                  <td className="num">{formatKb(t.memory_kb)}</td>
                  <td>{t.error ? <pre className="inline-pre">{t.error}</pre> : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h4>Code</h4>
          <pre className="code-view" data-testid="detail-code" aria-readonly="true">
            {detail.code ?? '(not kept)'}
          </pre>
        </>
      )}
    </article>
  );
}
