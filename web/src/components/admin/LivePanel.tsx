'use client';
import { useEffect, useRef, useState } from 'react';
import type { AdminClient } from '../../api/admin';
import type { LiveResponse } from '../../api/admin-types';
import { describeError } from '../../api/client';
import { ago, formatCount } from '../../lib/admin-format';
import { ErrorBanner, StatCard } from './StatCard';

export const LIVE_POLL_MS = 3000;

/** A table's only row when it has nothing to list. */
function NoneRow({ columns }: { columns: number }) {
  return (
    <tr>
      <td colSpan={columns} className="muted">
        none
      </td>
    </tr>
  );
}

/** How long a compile sandbox has waited: seconds, then minutes. */
function formatWait(seconds: number): string {
  return seconds < 60 ? `${Math.floor(seconds)} s` : `${Math.floor(seconds / 60)} min`;
}

/** Queue depth, runs in flight, warm pools, waiting compile sandboxes and runners; polled every few seconds (paused
 * while the tab is hidden). */
export function LivePanel({ api, intervalMs = LIVE_POLL_MS }: { api: Pick<AdminClient, 'live'>; intervalMs?: number }) {
  const [live, setLive] = useState<LiveResponse | null>(null);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [polls, setPolls] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    let stopped = false;
    const ctrl = new AbortController();
    const tick = async () => {
      if (stopped) return;
      if (typeof document === 'undefined' || document.visibilityState !== 'hidden') {
        try {
          const l = await api.live(ctrl.signal);
          if (stopped) return;
          setLive(l);
          setUpdatedAt(Date.now());
          setPolls((n) => n + 1);
          setError(null);
        } catch (e) {
          if (stopped || (e as Error)?.name === 'AbortError') return;
          setError(describeError(e));
        }
      }
      setNow(Date.now());
      if (!stopped) timer.current = setTimeout(tick, intervalMs);
    };
    void tick();
    return () => {
      stopped = true;
      ctrl.abort();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [api, intervalMs]);

  return (
    <section className="panel live" data-testid="live-panel" data-polls={polls} aria-live="polite">
      <div className="panel-head">
        <h2>Live</h2>
        <span className="muted small" data-testid="live-updated">
          {updatedAt ? `updated ${ago(new Date(updatedAt).toISOString(), now)} · every ${Math.round(intervalMs / 1000)} s` : 'loading…'}
        </span>
      </div>
      <ErrorBanner error={error} />
      {live && (
        <>
          <div className="stat-cards">
            <StatCard value={formatCount(live.queue_depth)} label="queued" testId="live-queue-depth" />
            <StatCard value={formatCount(live.in_flight)} label="in flight" testId="live-in-flight" />
            <StatCard value={`${(live.runners ?? []).filter((r) => r.alive).length}/${(live.runners ?? []).length}`} label="runners alive" testId="live-runners-alive" />
          </div>
          <div className="live-lists">
            <table className="admin-table compact" data-testid="warm-pools">
              <caption>Warm pools</caption>
              <thead>
                <tr>
                  <th>Language</th>
                  <th className="num">Memory</th>
                  <th className="num">Ready</th>
                </tr>
              </thead>
              <tbody>
                {(live.warm_pools ?? []).length === 0 && <NoneRow columns={3} />}
                {(live.warm_pools ?? []).map((p) => (
                  <tr key={`${p.language}|${p.memory_mb}`}>
                    <td>{p.language}</td>
                    <td className="num">{p.memory_mb} MB</td>
                    <td className="num">{p.ready}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="admin-table compact" data-testid="compile-sandboxes">
              <caption>Waiting compiles</caption>
              <thead>
                <tr>
                  <th>Language</th>
                  <th>For</th>
                  <th>Compiler</th>
                  <th className="num">Waiting</th>
                </tr>
              </thead>
              <tbody>
                {(live.compile_sandboxes ?? []).length === 0 && <NoneRow columns={4} />}
                {(live.compile_sandboxes ?? []).map((c) => (
                  <tr key={`${c.language}|${c.purpose}`}>
                    <td>{c.language}</td>
                    <td>{c.purpose === 'check' ? 'live check' : 'run'}</td>
                    <td title={c.compiler_started ? 'the compiler is started and loaded, waiting for the files' : 'the sandbox is built; the compiler starts with the files'}>
                      {c.compiler_started ? 'loaded' : 'not started'}
                    </td>
                    <td className="num">{formatWait(c.age_seconds)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="admin-table compact" data-testid="runners">
              <caption>Runners</caption>
              <thead>
                <tr>
                  <th>Runner</th>
                  <th>State</th>
                  <th className="num">Busy / slots</th>
                  <th>Last seen</th>
                </tr>
              </thead>
              <tbody>
                {(live.runners ?? []).length === 0 && <NoneRow columns={4} />}
                {(live.runners ?? []).map((r) => (
                  <tr key={r.id}>
                    <td className="mono">{r.id}</td>
                    <td className={r.alive ? 'ok' : 'bad'}>{r.alive ? 'alive' : 'down'}</td>
                    <td className="num">
                      {r.busy} / {r.slots}
                    </td>
                    <td title={r.last_seen ?? undefined}>{ago(r.last_seen, now)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
