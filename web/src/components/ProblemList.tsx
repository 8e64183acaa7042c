'use client';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, createClient, describeError } from '../api/client';
import { setToken } from '../lib/auth';
import type { ProblemSummary } from '../api/types';
import { AuthGate } from './AuthGate';
import { Header } from './Header';

function List() {
  const api = useMemo(() => createClient(), []);
  const [problems, setProblems] = useState<ProblemSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  useEffect(() => {
    api.problems().then(setProblems, (e) => {
      if (e instanceof ApiError && e.kind === 'unauthorized') setToken(null);
      else setError(describeError(e));
    });
  }, [api]);
  const shown = (problems ?? []).filter((p) =>
    `${p.title} ${p.slug} ${(p.topics ?? []).join(' ')} ${p.difficulty ?? ''}`.toLowerCase().includes(filter.toLowerCase()),
  );
  return (
    <div className="app">
      <Header />
      <main className="list-page">
        <h1>Problems</h1>
        <input className="filter" placeholder="Filter by title, topic or difficulty" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Filter problems" />
        {error && (
          <div className="banner error" role="alert">
            {error}
          </div>
        )}
        {!problems && !error && <p className="muted">Loading…</p>}
        {problems && (
          <table className="problems" data-testid="problem-list">
            <thead>
              <tr>
                <th>#</th>
                <th>Title</th>
                <th>Difficulty</th>
                <th>Topics</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p, i) => (
                <tr key={p.slug}>
                  <td className="muted">{i + 1}</td>
                  <td>
                    <a href={`/problem/?slug=${encodeURIComponent(p.slug)}`} data-testid={`problem-${p.slug}`}>
                      {p.title}
                    </a>
                  </td>
                  <td>{p.difficulty && <span className={`difficulty ${p.difficulty}`}>{p.difficulty}</span>}</td>
                  <td>
                    {(p.topics ?? []).map((t) => (
                      <span key={t} className="tag">
                        {t}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </div>
  );
}

export function ProblemList() {
  return (
    <AuthGate>
      <List />
    </AuthGate>
  );
}
