'use client';
import { useState } from 'react';
import type { Json, Outcome, TestRunResult } from '../api/types';
import { isPending } from '../api/client';

export const VERDICT_LABELS: Record<string, string> = {
  accepted: 'Accepted',
  wrong_answer: 'Wrong Answer',
  time_limit_exceeded: 'Time Limit Exceeded',
  memory_limit_exceeded: 'Memory Limit Exceeded',
  runtime_error: 'Runtime Error',
  compilation_error: 'Compile Error',
  output_limit_exceeded: 'Output Limit Exceeded',
  internal_error: 'Internal Error',
  queued: 'Queued…',
  running: 'Running…',
  finished: 'Finished',
  failed: 'Failed',
};

export function verdictLabel(status: string | undefined): string {
  if (!status) return '';
  return VERDICT_LABELS[status] ?? status.replace(/_/g, ' ');
}

export const TRUNCATE_AT = 200;

export function formatValue(v: Json | undefined): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v);
}

/** A long value shows its first TRUNCATE_AT characters and a "show more" toggle. */
export function Truncated({ text, testId }: { text: string; testId?: string }) {
  const [open, setOpen] = useState(false);
  const long = text.length > TRUNCATE_AT;
  return (
    <span className="value" data-testid={testId}>
      <code>{long && !open ? `${text.slice(0, TRUNCATE_AT)}…` : text}</code>
      {long && (
        <button type="button" className="link" onClick={() => setOpen(!open)}>
          {open ? 'show less' : `show more (${text.length} chars)`}
        </button>
      )}
    </span>
  );
}

function formatMs(ms: number | null | undefined) {
  return ms === null || ms === undefined ? '—' : `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}
function formatKb(kb: number | null | undefined) {
  if (kb === null || kb === undefined) return '—';
  return kb >= 1024 ? `${(kb / 1024).toFixed(1)} MB` : `${kb} KB`;
}

export interface OutputPanelProps {
  outcome: Outcome | null;
  /** Inputs of the run's tests, by position (public examples or custom inputs), when results omit them. */
  inputs?: (Record<string, Json> | undefined)[];
  error?: string | null;
  busy?: 'run' | 'submit' | null;
}

function compileMessage(o: Outcome): string | null {
  if (o.compile && o.compile.ok === false) return o.compile.output || 'Compilation failed';
  if (o.status === 'compilation_error' || o.summary?.status === 'compilation_error') {
    return o.compile?.output || o.error || o.results.find((r) => r.error)?.error || 'Compilation failed';
  }
  return null;
}

export function OutputPanel({ outcome, inputs = [], error, busy }: OutputPanelProps) {
  const [selected, setSelected] = useState(0);
  if (error) {
    return (
      <div className="output" data-testid="output">
        <div className="banner error" role="alert" data-testid="output-error">
          {error.split('\n').map((l, i) => (
            <div key={i}>{l}</div>
          ))}
        </div>
      </div>
    );
  }
  if (!outcome) {
    return (
      <div className="output muted" data-testid="output">
        {busy ? `${busy === 'run' ? 'Running' : 'Submitting'}…` : 'Run your code to see the results here (Ctrl+Enter). Submit with Ctrl+Shift+Enter.'}
      </div>
    );
  }
  if (isPending(outcome.status)) {
    return (
      <div className="output" data-testid="output">
        <div className="pending" data-testid="output-pending">
          <span className="spinner" /> {verdictLabel(outcome.status)}
        </div>
      </div>
    );
  }
  const status = outcome.summary?.status ?? outcome.status;
  const ok = status === 'accepted';
  const compile = compileMessage(outcome);
  const summary = outcome.summary;

  return (
    <div className="output" data-testid="output">
      <div className={`verdict ${ok ? 'ok' : 'bad'}`} data-testid="verdict">
        {verdictLabel(status)}
        {summary && (
          <span className="count" data-testid="summary">
            {' '}
            {summary.passed}/{summary.total} {outcome.mode === 'submit' ? 'tests passed' : 'passed'}
          </span>
        )}
      </div>
      {compile && (
        <pre className="errorbox" data-testid="compile-error">
          {compile}
        </pre>
      )}
      {!compile && outcome.error && (
        <pre className="errorbox" data-testid="run-error">
          {outcome.error}
        </pre>
      )}
      {outcome.mode === 'submit' ? (
        <SubmitSummary outcome={outcome} />
      ) : (
        !compile && outcome.results.length > 0 && (
          <RunResults results={outcome.results} inputs={inputs} selected={Math.min(selected, outcome.results.length - 1)} onSelect={setSelected} />
        )
      )}
    </div>
  );
}

function SubmitSummary({ outcome }: { outcome: Outcome }) {
  const s = outcome.summary;
  if (!s) return null;
  const idx = s.first_failing_test;
  return (
    <div className="submit-summary" data-testid="submit-summary">
      <div>
        Tests passed: <b>{s.passed}</b> of <b>{s.total}</b>
      </div>
      {idx !== null && idx !== undefined && (
        <div data-testid="first-failing">
          First failing test: #{idx + 1}
          {s.first_failing_category ? <span className="tag"> {s.first_failing_category}</span> : null}
        </div>
      )}
      {s.first_failing_error && (
        <pre className="errorbox" data-testid="first-failing-error">
          {s.first_failing_error}
        </pre>
      )}
      {s.runtime_ms != null && <div>Runtime: {formatMs(s.runtime_ms)}</div>}
      {s.memory_kb != null && <div>Memory: {formatKb(s.memory_kb)}</div>}
    </div>
  );
}

function passIcon(r: TestRunResult) {
  if (r.pass === true) return '✓';
  if (r.pass === false) return '✗';
  return '•';
}

function RunResults({
  results,
  inputs,
  selected,
  onSelect,
}: {
  results: TestRunResult[];
  inputs: (Record<string, Json> | undefined)[];
  selected: number;
  onSelect: (i: number) => void;
}) {
  const r = results[selected];
  const input = r.input ?? inputs[selected];
  return (
    <div className="results">
      <div className="case-tabs" role="tablist">
        {results.map((res, i) => (
          <button
            key={i}
            type="button"
            role="tab"
            aria-selected={i === selected}
            className={`case-tab ${res.pass === true ? 'pass' : res.pass === false ? 'fail' : 'neutral'} ${i === selected ? 'active' : ''}`}
            data-testid={`case-tab-${i}`}
            data-pass={String(res.pass)}
            onClick={() => onSelect(i)}
          >
            {passIcon(res)} {res.custom ? 'Custom' : 'Case'} {i + 1}
          </button>
        ))}
      </div>
      <div className="case" data-testid="case-detail">
        {r.verdict && r.verdict !== 'accepted' && <div className="case-verdict">{verdictLabel(r.verdict)}</div>}
        {input && (
          <div className="field">
            <div className="label">Input</div>
            {Object.entries(input).map(([k, v]) => (
              <div key={k} className="param">
                <span className="pname">{k} =</span> <Truncated text={formatValue(v)} />
              </div>
            ))}
          </div>
        )}
        {r.actual !== undefined && (
          <div className="field">
            <div className="label">Output</div>
            <Truncated text={formatValue(r.actual)} testId="actual" />
          </div>
        )}
        {r.expected !== undefined && r.expected !== null ? (
          <div className="field">
            <div className="label">Expected</div>
            <Truncated text={formatValue(r.expected)} testId="expected" />
          </div>
        ) : r.expected_note ? (
          <div className="field">
            <div className="label">Expected</div>
            <span className="muted" data-testid="expected-note">
              {r.expected_note}
            </span>
          </div>
        ) : null}
        {r.error && (
          <div className="field">
            <div className="label">Error</div>
            <pre className="errorbox" data-testid="test-error">
              {r.error}
            </pre>
          </div>
        )}
        {r.stdout ? (
          <div className="field">
            <div className="label">Stdout</div>
            <pre className="stdout" data-testid="stdout">
              {r.stdout}
            </pre>
          </div>
        ) : null}
        <div className="metrics">
          <span data-testid="runtime">Runtime: {formatMs(r.runtime_ms)}</span>
          <span data-testid="memory">Memory: {formatKb(r.memory_kb)}</span>
        </div>
      </div>
    </div>
  );
}
