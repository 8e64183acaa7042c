'use client';
import { useMemo, useState } from 'react';
import type { ProblemStat } from '../../api/admin-types';
import {
  formatCount,
  formatMs,
  formatRate,
  problemKey,
  problemLabel,
  sortStats,
  totals,
  type SortDir,
  type StatKey,
} from '../../lib/admin-format';

const COLUMNS: { key: StatKey; label: string; numeric: boolean; title?: string }[] = [
  { key: 'problem', label: 'Problem', numeric: false },
  { key: 'language', label: 'Language', numeric: false },
  { key: 'submits', label: 'Submits', numeric: true },
  { key: 'runs', label: 'Runs', numeric: true },
  { key: 'acceptance_rate', label: 'Accepted', numeric: true, title: 'Acceptance rate' },
  { key: 'timeout_rate', label: 'Timeouts', numeric: true, title: 'Time limit exceeded rate' },
  { key: 'compile_error_rate', label: 'Compile err.', numeric: true, title: 'Compile error rate' },
  { key: 'runtime_error_rate', label: 'Runtime err.', numeric: true, title: 'Runtime error rate' },
  { key: 'avg_runtime_ms', label: 'Avg runtime', numeric: true, title: 'Mean runtime of the submits' },
  { key: 'median_runtime_ms', label: 'Median runtime', numeric: true },
  { key: 'p95_runtime_ms', label: 'p95 runtime', numeric: true },
];

export function cellText(s: ProblemStat, key: StatKey): string {
  switch (key) {
    case 'problem':
      return problemLabel(s);
    case 'language':
      return s.language;
    case 'submits':
    case 'runs':
      return formatCount(s[key]);
    case 'avg_runtime_ms':
    case 'median_runtime_ms':
    case 'p95_runtime_ms':
      return formatMs(s[key]);
    default:
      return formatRate(s[key]);
  }
}

/** Per problem and language; click a header to sort (again to reverse); click a row to browse its run logs. */
export function ProblemStatsTable({ items, onSelect }: { items: ProblemStat[]; onSelect?: (s: ProblemStat) => void }) {
  // The average column only when the service sends it (it is not in the first contract).
  const columns = items.some((s) => s.avg_runtime_ms !== undefined) ? COLUMNS : COLUMNS.filter((c) => c.key !== 'avg_runtime_ms');
  const [sort, setSort] = useState<{ key: StatKey; dir: SortDir }>({ key: 'submits', dir: 'desc' });
  const rows = useMemo(() => sortStats(items, sort.key, sort.dir), [items, sort]);
  const sum = useMemo(() => totals(items), [items]);
  const clickHeader = (key: StatKey, numeric: boolean) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: numeric ? 'desc' : 'asc' }));

  return (
    <div className="table-wrap">
      <table className="admin-table" data-testid="problem-stats">
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                className={c.numeric ? 'num' : undefined}
                aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                title={c.title}
              >
                <button type="button" className="sort" onClick={() => clickHeader(c.key, c.numeric)} data-testid={`sort-${c.key}`}>
                  {c.label}
                  <span className="arrow" aria-hidden>
                    {sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="muted">
                No runs in this time range.
              </td>
            </tr>
          )}
          {rows.map((s) => (
            <tr
              key={`${problemKey(s)}|${s.language}`}
              data-testid="problem-stat-row"
              data-problem={problemKey(s)}
              data-language={s.language}
              className={onSelect ? 'clickable' : undefined}
              onClick={onSelect ? () => onSelect(s) : undefined}
              title={onSelect ? 'Show the run logs of this problem and language' : undefined}
            >
              {columns.map((c) => (
                <td key={c.key} className={c.numeric ? 'num' : undefined} data-col={c.key}>
                  {cellText(s, c.key)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {rows.length > 1 && (
          <tfoot>
            <tr data-testid="problem-stat-totals">
              <td>All problems</td>
              <td className="muted small">weighted by submits</td>
              <td className="num">{formatCount(sum.submits)}</td>
              <td className="num">{formatCount(sum.runs)}</td>
              <td className="num">{formatRate(sum.acceptance_rate)}</td>
              <td className="num">{formatRate(sum.timeout_rate)}</td>
              <td className="num">{formatRate(sum.compile_error_rate)}</td>
              <td className="num">{formatRate(sum.runtime_error_rate)}</td>
              {columns.slice(8).map((c) => (
                <td key={c.key} />
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
