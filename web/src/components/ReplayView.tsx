'use client';
// The replay of an attempt (issue 16), for its candidate and its interview's interviewers: a timeline with play,
// pause, speed and scrub; runs and submits marked on it and opened with a click; the code at any moment in a
// read-only Monaco, and a diff against the previous run.
import dynamic from 'next/dynamic';
import { useSearchParams } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createClient, describeError } from '../api/client';
import { useTheme } from '../lib/hooks';
import { frameAt, framesOf, type History } from '../lib/room';
import { Header } from './Header';
import { ResultCard } from './ResultCard';

const ReadOnlyCode = dynamic(() => import('./ReadOnlyViews').then((m) => m.ReadOnlyCode), { ssr: false, loading: () => <div className="muted pad">Loading editor…</div> });
const CodeDiff = dynamic(() => import('./ReadOnlyViews').then((m) => m.CodeDiff), { ssr: false, loading: () => <div className="muted pad">Loading diff…</div> });

const SPEEDS = [1, 2, 4, 8, 16];

function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function ReplayView() {
  const params = useSearchParams();
  const attempt = params.get('attempt') ?? '';
  const api = useMemo(() => createClient(), []);
  const [theme] = useTheme();
  const [history, setHistory] = useState<History | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [t, setT] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(4);
  const [diff, setDiff] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const last = useRef<number | null>(null);

  useEffect(() => {
    api
      .request<History>('GET', `/api/attempts/${encodeURIComponent(attempt)}/history`)
      .then((h) => {
        setHistory(h);
        const f = framesOf(h);
        setT(f.length ? f[f.length - 1].t : 0);
      })
      .catch((e) => setError(describeError(e)));
  }, [api, attempt]);

  const frames = useMemo(() => (history ? framesOf(history) : []), [history]);
  const duration = frames.length ? frames[frames.length - 1].t : 0;
  const frame = frameAt(frames, t);

  useEffect(() => {
    if (!playing) return;
    last.current = null;
    let raf = 0;
    const step = (now: number) => {
      const dt = last.current === null ? 0 : now - last.current;
      last.current = now;
      setT((x) => {
        const next = x + dt * speed;
        if (next >= duration) {
          setPlaying(false);
          return duration;
        }
        return next;
      });
      raf = requestAnimationFrame(step);
    };
    raf = requestAnimationFrame(step);
    return () => cancelAnimationFrame(raf);
  }, [playing, speed, duration]);

  const marks = frames.filter((f) => f.event.kind === 'run' || f.event.kind === 'submit');
  const opened = selected !== null ? frames.find((f) => f.event.id === selected) : null;

  if (error) {
    return (
      <div className="app">
        <Header />
        <div className="pad">
          <div className="banner error" role="alert" data-testid="replay-error">
            {error}
          </div>
        </div>
      </div>
    );
  }
  return (
    <div className="app">
      <Header>
        <span className="crumb">
          Replay {history ? `· ${history.candidate_id}` : ''} {history?.interview_id ? `· interview ${history.interview_id}` : ''}
        </span>
      </Header>
      {!history ? (
        <div className="pad muted">Loading history…</div>
      ) : frames.length === 0 ? (
        <div className="pad muted" data-testid="replay-empty">
          Nothing recorded for this attempt yet.
        </div>
      ) : (
        <main className="room">
          <div className="room-main">
            <div className="room-bar">
              <button type="button" onClick={() => { if (t >= duration) setT(0); setPlaying(!playing); }} data-testid="replay-play">
                {playing ? '❚❚ Pause' : '▶ Play'}
              </button>
              <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-label="Speed" data-testid="replay-speed">
                {SPEEDS.map((s) => (
                  <option key={s} value={s}>
                    {s}×
                  </option>
                ))}
              </select>
              <span className="small" data-testid="replay-clock">
                {clock(t)} / {clock(duration)}
              </span>
              <div className="timeline">
                <input type="range" min={0} max={duration} step={1} value={Math.round(t)} aria-label="Timeline" data-testid="replay-scrub"
                  onChange={(e) => { setPlaying(false); setT(Number(e.target.value)); }} />
                {marks.map((m) => (
                  <button key={m.event.id} type="button" className={`marker ${m.event.kind}`} style={{ left: `${duration ? (m.t / duration) * 100 : 0}%` }}
                    title={`${m.event.kind} at ${clock(m.t)}`} data-testid={`marker-${m.event.kind}`}
                    onClick={() => { setPlaying(false); setT(m.t); setSelected(m.event.id); }}>
                    {m.event.kind === 'run' ? 'R' : 'S'}
                  </button>
                ))}
              </div>
              <label className="small">
                <input type="checkbox" checked={diff} onChange={(e) => setDiff(e.target.checked)} data-testid="replay-diff-toggle" /> Diff vs previous run
              </label>
              <span className="small">
                Language: <strong data-testid="replay-language">{frame?.language}</strong>
              </span>
            </div>
            {history.truncated && (
              <div className="banner small" data-testid="replay-truncated">
                The history reached its size cap: later typing was not kept (runs and submits were).
              </div>
            )}
            {diff && frame ? (
              frame.previousRun === null ? (
                <div className="pad muted">No run before this moment.</div>
              ) : (
                <CodeDiff before={frame.previousRun} after={frame.code} language={frame.language} theme={theme} />
              )
            ) : (
              <ReadOnlyCode code={frame?.code ?? ''} language={frame?.language ?? 'python'} theme={theme} testId="replay-code" />
            )}
          </div>
          <aside className="room-side" data-testid="replay-events">
            <h2>Runs and submissions</h2>
            {marks.length === 0 && <div className="muted small">None.</div>}
            {marks.map((m) => (
              <ResultCard key={m.event.id} selected={m.event.id === selected}
                r={{ kind: m.event.kind as 'run' | 'submit', language: m.event.language, result: m.event.result, at: m.event.at }}
                onClick={() => { setPlaying(false); setT(m.t); setSelected(m.event.id); }} />
            ))}
            {opened && <div className="small muted" data-testid="replay-opened">Opened the {opened.event.kind} at {clock(opened.t)}.</div>}
          </aside>
        </main>
      )}
    </div>
  );
}
