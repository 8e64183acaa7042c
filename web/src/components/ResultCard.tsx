'use client';
import type { LiveResult } from '../lib/room';

/** A Run or Submit as the candidate saw it: verdict, counts, and for a Run the public tests' detail. */
export function ResultCard({ r, selected, onClick }: { r: Pick<LiveResult, 'kind' | 'language' | 'result' | 'at'>; selected?: boolean; onClick?: () => void }) {
  const summary = r.result?.summary;
  const verdict = summary?.status ?? r.result?.status ?? 'unknown';
  return (
    <div className={`room-event ${selected ? 'selected' : ''}`} data-testid={`live-${r.kind}`} data-verdict={verdict} onClick={onClick}>
      <div>
        <strong>{r.kind === 'run' ? 'Run' : 'Submit'}</strong> · {r.language} · <span className="verdict">{verdict.replace(/_/g, ' ')}</span>
        {summary?.total !== undefined && (
          <span className="muted small">
            {' '}
            ({summary.passed ?? 0}/{summary.total} passed)
          </span>
        )}
        <span className="muted small"> · {new Date(r.at).toLocaleTimeString()}</span>
      </div>
      {r.result?.compile_output && <pre className="small">{r.result.compile_output}</pre>}
      {r.result?.error && <div className="small">{r.result.error}</div>}
      {r.kind === 'run' &&
        r.result?.results?.map((t, i) => (
          <div key={i} className="small" data-testid="live-test">
            {t.pass ? '✔' : t.pass === false ? '✘' : '•'} {t.test_id ?? `test ${i + 1}`}: {JSON.stringify(t.actual)}
            {t.expected !== undefined && t.pass === false ? ` (expected ${JSON.stringify(t.expected)})` : ''}
          </div>
        ))}
    </div>
  );
}
