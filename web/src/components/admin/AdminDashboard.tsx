'use client';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { createAdminClient, isForbidden } from '../../api/admin';
import type { ProblemStat, RuntimeDistribution, TimeRange, TimelinePoint } from '../../api/admin-types';
import { ApiError, describeError } from '../../api/client';
import { getToken, setToken, tokenRole } from '../../lib/auth';
import { useToken } from '../../lib/hooks';
import {
  bucketFor,
  formatCount,
  formatRate,
  problemKey,
  rangeFor,
  toLocalInput,
  totals,
  type RangePreset,
} from '../../lib/admin-format';
import { AuthGate } from '../AuthGate';
import { Header } from '../Header';
import { RuntimeChart, TimelineCharts } from './Charts';
import { LivePanel } from './LivePanel';
import { ProblemStatsTable } from './ProblemStatsTable';
import { ErrorBanner, StatCard } from './StatCard';
import { RunLogBrowser, type RunLogFilterForm } from './RunLogBrowser';

export function AdminPage() {
  return (
    <AuthGate defaultRole="admin">
      <AdminGate />
    </AuthGate>
  );
}

type Access = 'unknown' | 'allowed' | 'forbidden' | 'no-api';

function AdminGate() {
  const token = useToken();
  // A new token (signed in again, or a host's postMessage) starts over.
  return <AdminAccess key={token ?? ''} token={token ?? getToken()} />;
}

function AdminAccess({ token }: { token: string | null }) {
  const role = tokenRole(token);
  // A token that says it is not an admin's is refused here; one without a role claim is decided by the API's answer.
  const [access, setAccess] = useState<Access>(role && role !== 'admin' ? 'forbidden' : 'unknown');
  useEffect(() => {
    if (role && role !== 'admin') setAccess('forbidden');
  }, [role]);
  if (access === 'forbidden' || access === 'no-api') return <NotAllowed reason={access} />;
  return <Dashboard onAccess={setAccess} />;
}

function NotAllowed({ reason }: { reason: 'forbidden' | 'no-api' }) {
  return (
    <div className="app">
      <Header />
      <main className="admin-page">
        <div className="not-allowed card" role="alert" data-testid="admin-not-allowed">
          <h1>Not allowed</h1>
          {reason === 'forbidden' ? (
            <p>This page is for administrators. Your account does not have the admin role.</p>
          ) : (
            <p>The service did not answer the admin API (HTTP 404): it is not available here, or you are not an administrator.</p>
          )}
          <p>
            <button type="button" className="link" onClick={() => setToken(null)}>
              Sign in with another account
            </button>
            {' · '}
            <a href="/">Back to the problems</a>
          </p>
        </div>
      </main>
    </div>
  );
}

const PRESETS: { id: RangePreset; label: string }[] = [
  { id: 'hour', label: 'Last hour' },
  { id: 'day', label: 'Last day' },
  { id: 'week', label: 'Last week' },
  { id: 'custom', label: 'Custom' },
];

interface StatsState {
  problems: ProblemStat[];
  timeline: TimelinePoint[];
  runtime: RuntimeDistribution[];
}

function Dashboard({ onAccess }: { onAccess: (a: Access) => void }) {
  const api = useMemo(() => createAdminClient(), []);
  const [preset, setPreset] = useState<RangePreset>('day');
  const [custom, setCustom] = useState(() => {
    const now = new Date();
    return { from: toLocalInput(new Date(now.getTime() - 86_400_000)), to: toLocalInput(now) };
  });
  const [range, setRange] = useState<TimeRange>(() => rangeFor('day', Date.now())!);
  const [stats, setStats] = useState<StatsState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [runLogPreset, setRunLogPreset] = useState<{ filter: Partial<RunLogFilterForm>; seq: number } | undefined>();

  const bucket = bucketFor(range);

  const load = useCallback(
    async (r: TimeRange, signal: AbortSignal) => {
      setLoading(true);
      setError(null);
      try {
        const b = bucketFor(r);
        const [p, t, rt] = await Promise.all([api.problemStats(r, signal), api.timeline(r, b, signal), api.runtime(r, signal)]);
        setStats({ problems: p.items, timeline: t.items, runtime: rt.items });
        onAccess('allowed');
      } catch (e) {
        if ((e as Error)?.name === 'AbortError') return;
        if (e instanceof ApiError && e.kind === 'unauthorized') setToken(null);
        else if (isForbidden(e)) onAccess(e instanceof ApiError && e.status === 404 ? 'no-api' : 'forbidden');
        else setError(describeError(e));
      } finally {
        if (!signal.aborted) setLoading(false);
      }
    },
    [api, onAccess],
  );

  useEffect(() => {
    const ctrl = new AbortController();
    void load(range, ctrl.signal);
    return () => ctrl.abort();
  }, [range, load]);

  const choosePreset = (p: RangePreset) => {
    setPreset(p);
    if (p !== 'custom') setRange(rangeFor(p, Date.now())!);
  };
  const customRange = rangeFor('custom', Date.now(), custom);
  const refresh = () => {
    const r = preset === 'custom' ? customRange : rangeFor(preset, Date.now());
    if (r) setRange(r);
  };

  const sum = stats ? totals(stats.problems) : null;

  return (
    <div className="app admin-app">
      <Header>
        <span className="crumb">Admin dashboard</span>
      </Header>
      <main className="admin-page" data-testid="admin-dashboard">
        <div className="range-bar" role="group" aria-label="Time range">
          {PRESETS.map((p) => (
            <button
              key={p.id}
              type="button"
              className={preset === p.id ? 'primary' : undefined}
              aria-pressed={preset === p.id}
              onClick={() => choosePreset(p.id)}
              data-testid={`range-${p.id}`}
            >
              {p.label}
            </button>
          ))}
          {preset === 'custom' && (
            <span className="custom-range">
              <label>
                from{' '}
                <input type="datetime-local" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.target.value })} data-testid="range-from" />
              </label>
              <label>
                to <input type="datetime-local" value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.target.value })} data-testid="range-to" />
              </label>
              {!customRange && <span className="field-error">the start must be before the end</span>}
            </span>
          )}
          <button type="button" onClick={refresh} disabled={loading || (preset === 'custom' && !customRange)} data-testid="range-apply">
            {preset === 'custom' ? 'Apply' : 'Refresh'}
          </button>
          <span className="muted small" data-testid="range-label">
            {new Date(range.from).toLocaleString()} – {new Date(range.to).toLocaleString()} · per {bucket}
            {loading ? ' · loading…' : ''}
          </span>
        </div>

        <ErrorBanner error={error} />

        <LivePanel api={api} />

        {sum && (
          <section className="panel">
            <div className="stat-cards" data-testid="summary">
              <StatCard value={formatCount(sum.submits)} label="submits" testId="summary-submits" />
              <StatCard value={formatCount(sum.runs)} label="runs" testId="summary-runs" />
              <StatCard value={formatRate(sum.acceptance_rate)} label="accepted (weighted by submits)" testId="summary-acceptance" tone="ok" />
              <StatCard value={formatRate(sum.timeout_rate)} label="timeouts (weighted by submits)" testId="summary-timeouts" tone="warn" />
            </div>
          </section>
        )}

        <section className="panel">
          <div className="panel-head">
            <h2>Problems</h2>
            <span className="muted small">per language; click a header to sort, a row to see its run logs</span>
          </div>
          {stats ? (
            <ProblemStatsTable
              items={stats.problems}
              onSelect={(s) => setRunLogPreset((prev) => ({ filter: { problem_id: problemKey(s), language: s.language }, seq: (prev?.seq ?? 0) + 1 }))}
            />
          ) : (
            !error && <p className="muted">Loading…</p>
          )}
        </section>

        {stats && (
          <section className="panel charts" data-testid="charts">
            <TimelineCharts items={stats.timeline} bucket={bucket} />
            <RuntimeChart items={stats.runtime} />
          </section>
        )}

        <RunLogBrowser api={api} preset={runLogPreset} />
      </main>
    </div>
  );
}
