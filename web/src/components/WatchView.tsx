'use client';
// The interviewer's live view (issue 16): the candidate's editor read-only as they type, their language, and every
// Run and Submit as they saw it. The hub refuses attempts outside the interviews in the interviewer's token.
import dynamic from 'next/dynamic';
import { useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useTheme } from '../lib/hooks';
import { roomConnection, startRoom, type LiveCode, type LiveResult, type WatchState } from '../lib/room';
import { Header } from './Header';
import { ResultCard } from './ResultCard';

const ReadOnlyCode = dynamic(() => import('./ReadOnlyViews').then((m) => m.ReadOnlyCode), { ssr: false, loading: () => <div className="muted pad">Loading editor…</div> });

export function WatchView() {
  const params = useSearchParams();
  const attempt = params.get('attempt') ?? '';
  const [theme] = useTheme();
  const [state, setState] = useState<WatchState | null>(null);
  const [code, setCode] = useState<LiveCode | null>(null);
  const [results, setResults] = useState<LiveResult[]>([]);
  const [status, setStatus] = useState<'connecting' | 'live' | 'reconnecting' | 'error'>('connecting');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!attempt) {
      setStatus('error');
      setError('No attempt given (?attempt=ID).');
      return;
    }
    const c = roomConnection();
    let live = true;
    c.on('code', (e: LiveCode) => e.attempt_id === attempt && setCode(e));
    c.on('result', (e: LiveResult) => e.attempt_id === attempt && setResults((r) => [...r, e]));
    // A candidate's page that (re)connects asks who is watching.
    c.on('who', (id: string) => id === attempt && void c.invoke('Present', attempt).catch(() => undefined));
    const watch = async () => {
      const s = await c.invoke<WatchState>('Watch', attempt);
      if (!live) return;
      setState(s);
      setResults(s.results ?? []);
      if (s.code !== undefined && s.code !== null) {
        setCode({ attempt_id: attempt, problem_id: s.problem_id ?? '', language: s.language ?? 'python', code: s.code, at: '' });
      }
      setStatus('live');
    };
    c.onreconnecting(() => setStatus('reconnecting'));
    c.onreconnected(() => void watch().catch(() => undefined));
    startRoom(c)
      .then(watch)
      .catch((e: unknown) => {
        if (!live) return;
        setStatus('error');
        const message = e instanceof Error ? e.message : String(e);
        setError(/not found/i.test(message) ? 'Attempt not found, or not one of your interviews.' : message);
      });
    return () => {
      live = false;
      void c.stop();
    };
  }, [attempt]);

  return (
    <div className="app">
      <Header>
        <span className="crumb">
          Watching {state ? `${state.candidate_id}` : ''} {state?.interview_id ? `· interview ${state.interview_id}` : ''}
        </span>
      </Header>
      {error ? (
        <div className="pad">
          <div className="banner error" role="alert" data-testid="watch-error">
            {error}
          </div>
        </div>
      ) : (
        <main className="room">
          <div className="room-main">
            <div className="room-bar">
              <span data-testid="watch-status" data-status={status}>
                {status === 'live' ? '● Live' : status}
              </span>
              <span>
                Language: <strong data-testid="watch-language">{code?.language ?? '—'}</strong>
              </span>
              <span className="muted">{code?.problem_id}</span>
              <span className="grow" />
              <a href={`/replay/?attempt=${encodeURIComponent(attempt)}`} data-testid="replay-link">
                Replay
              </a>
            </div>
            {code ? (
              <ReadOnlyCode code={code.code} language={code.language} theme={theme} testId="watch-code" />
            ) : (
              <div className="pad muted" data-testid="watch-waiting">
                The candidate has not typed yet.
              </div>
            )}
          </div>
          <aside className="room-side" data-testid="watch-results">
            <h2>Runs and submissions</h2>
            {results.length === 0 && <div className="muted small">None yet.</div>}
            {[...results].reverse().map((r, i) => (
              <ResultCard key={`${r.at}-${i}`} r={r} />
            ))}
          </aside>
        </main>
      )}
    </div>
  );
}
