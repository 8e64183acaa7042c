import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { LiveResponse, ProblemStatsResponse, RunLogDetail } from '../src/api/admin-types';
import { ProblemStatsTable } from '../src/components/admin/ProblemStatsTable';
import { RunLogDetailBody, toApiFilter, EMPTY_FILTER, shortId } from '../src/components/admin/RunLogBrowser';
import { LivePanel } from '../src/components/admin/LivePanel';
import { AdminPage } from '../src/components/admin/AdminDashboard';
import { setToken } from '../src/lib/auth';
import problemsFixture from './fixtures/admin/problems.json';
import detailFixture from './fixtures/admin/run-log-detail.json';
import liveFixture from './fixtures/admin/live.json';

afterEach(() => {
  cleanup();
  setToken(null);
  vi.useRealTimers();
});

const problems = (problemsFixture as unknown as ProblemStatsResponse).items;

function rowKeys() {
  return screen.getAllByTestId('problem-stat-row').map((r) => `${r.dataset.problem}/${r.dataset.language}`);
}

describe('ProblemStatsTable', () => {
  it('shows each problem and language with its formatted rates and runtimes', () => {
    render(<ProblemStatsTable items={problems} />);
    const row = screen.getAllByTestId('problem-stat-row').find((r) => r.dataset.problem === 'two-sum' && r.dataset.language === 'python')!;
    const cell = (col: string) => row.querySelector(`[data-col="${col}"]`)!.textContent;
    expect(cell('submits')).toBe('4');
    expect(cell('acceptance_rate')).toBe('50.0%');
    expect(cell('timeout_rate')).toBe('25.0%');
    expect(cell('median_runtime_ms')).toBe('42 ms');
    expect(cell('p95_runtime_ms')).toBe('1990 ms');
    expect(cell('avg_runtime_ms')).toBe('380 ms');
    const totalsRow = screen.getByTestId('problem-stat-totals');
    expect(totalsRow.textContent).toContain('40.0%');
    expect(totalsRow.textContent).toContain('30.0%');
  });

  it('sorts by submits (descending) first, and by a clicked header, twice to reverse', () => {
    render(<ProblemStatsTable items={problems} />);
    expect(rowKeys()).toEqual(['coin-change/python', 'two-sum/python', 'two-sum/java', 'valid-parentheses/cpp']);
    fireEvent.click(screen.getByTestId('sort-timeout_rate'));
    expect(rowKeys()[0]).toBe('coin-change/python');
    expect(screen.getByTestId('sort-timeout_rate').closest('th')!.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(screen.getByTestId('sort-timeout_rate'));
    expect(rowKeys()).toEqual(['two-sum/java', 'two-sum/python', 'coin-change/python', 'valid-parentheses/cpp']);
    fireEvent.click(screen.getByTestId('sort-problem'));
    expect(rowKeys()[0]).toBe('coin-change/python');
  });

  it('has an average column only when the service sends averages', () => {
    render(<ProblemStatsTable items={problems.map(({ avg_runtime_ms: _a, ...rest }) => rest)} />);
    expect(screen.queryByTestId('sort-avg_runtime_ms')).toBeNull();
    expect(screen.getByTestId('problem-stat-totals').children).toHaveLength(10);
    cleanup();
    render(<ProblemStatsTable items={problems} />);
    expect(screen.getByTestId('sort-avg_runtime_ms')).toBeTruthy();
    expect(screen.getByTestId('problem-stat-totals').children).toHaveLength(11);
  });

  it('says so when the range has no runs', () => {
    render(<ProblemStatsTable items={[]} />);
    expect(screen.getByTestId('problem-stats').textContent).toContain('No runs in this time range.');
  });
});

describe('run-log detail', () => {
  it('renders candidate code, errors and compile output as text, never as HTML', () => {
    const { container } = render(<RunLogDetailBody id="x" detail={detailFixture as unknown as RunLogDetail} error={null} />);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByTestId('detail-compile-output').textContent).toBe('x.cpp:3:5: warning: <script>alert(1)</script> unused');
    expect(screen.getByTestId('detail-code').textContent).toBe(detailFixture.code);
    expect(container.textContent).toContain('cand-<b>3</b>');
    const tests = screen.getAllByTestId('detail-test-row');
    expect(tests).toHaveLength(2);
    expect(within(tests[1]).getByText('Runtime Error')).toBeTruthy();
    expect(tests[1].textContent).toContain('terminate called: <img src=x onerror=alert(2)>');
    expect(tests[1].textContent).toContain('2.1 ms');
    expect(tests[1].textContent).toContain('2.0 MB');
    expect(screen.getByTestId('detail-verdict').textContent).toBe('Runtime Error');
  });

  it('shortens time-ordered ids by their distinct end', () => {
    expect(shortId('01a243ac-0000-7000-8000-00000000beef')).toBe('…0000beef');
    expect(shortId('short')).toBe('short');
    expect(shortId(null)).toBe('');
  });

  it('turns the filter form into API parameters', () => {
    const f = toApiFilter({ ...EMPTY_FILTER, problem_id: ' two-sum ', verdict: 'accepted', from: '2026-12-05T01:00' });
    expect(f.problem_id).toBe('two-sum');
    expect(f.verdict).toBe('accepted');
    expect(f.language).toBeUndefined();
    expect(f.from).toBe(new Date('2026-12-05T01:00').toISOString());
    expect(f.to).toBeUndefined();
  });
});

describe('LivePanel', () => {
  it('polls the live endpoint and shows the newest numbers without a reload', async () => {
    vi.useFakeTimers();
    let depth = 3;
    const live = vi.fn(async () => ({ ...(liveFixture as unknown as LiveResponse), queue_depth: depth }));
    render(<LivePanel api={{ live }} intervalMs={2000} />);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(screen.getByTestId('live-queue-depth').textContent).toBe('3');
    expect(screen.getByTestId('live-in-flight').textContent).toBe('2');
    expect(screen.getByTestId('live-runners-alive').textContent).toBe('1/2');
    expect(screen.getByTestId('warm-pools').textContent).toContain('256 MB');
    expect(screen.getByTestId('runners').textContent).toContain('down');
    const compiles = screen.getByTestId('compile-sandboxes').querySelectorAll('tbody tr');
    expect([...compiles].map((r) => [...r.querySelectorAll('td')].map((d) => d.textContent))).toEqual([
      ['rust', 'live check', 'loaded', '4 s'],
      ['rust', 'run', 'loaded', '1 min'],
      ['go', 'run', 'not started', '12 s'],
    ]);
    depth = 7;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2000);
    });
    expect(live).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('live-queue-depth').textContent).toBe('7');
  });

  it('says none when no compile sandbox waits (a fleet-mode API, or an older one without the list)', async () => {
    vi.useFakeTimers();
    const { compile_sandboxes: _, ...older } = liveFixture as unknown as LiveResponse;
    const live = vi.fn(async () => older as LiveResponse);
    render(<LivePanel api={{ live }} intervalMs={1000} />);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(screen.getByTestId('compile-sandboxes').querySelector('tbody')!.textContent).toBe('none');
  });

  it('keeps polling after an error and shows it', async () => {
    vi.useFakeTimers();
    let fail = true;
    const live = vi.fn(async () => {
      if (fail) throw new Error('boom');
      return liveFixture as unknown as LiveResponse;
    });
    render(<LivePanel api={{ live }} intervalMs={1000} />);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(screen.getByRole('alert').textContent).toBe('boom');
    fail = false;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000);
    });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('live-queue-depth').textContent).toBe('3');
  });
});

describe('admin page access', () => {
  const jwt = (claims: object) => `e30.${btoa(JSON.stringify(claims)).replace(/=+$/, '')}.sig`;
  it('a candidate sees "Not allowed" without any admin call', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    setToken(jwt({ sub: 'cand-1', role: 'candidate' }));
    render(<AdminPage />);
    const box = await screen.findByTestId('admin-not-allowed');
    expect(box.textContent).toContain('Not allowed');
    expect(box.textContent).toContain('for administrators');
    expect(fetchSpy.mock.calls.filter(([u]) => String(u).includes('/api/admin/'))).toHaveLength(0);
    fetchSpy.mockRestore();
  });
  it('signing in again as an admin replaces "Not allowed" with the dashboard', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) =>
      new Response(JSON.stringify(String(input).includes('/api/admin/live') ? liveFixture : { items: [] }), { status: 200 }));
    setToken(jwt({ sub: 'cand-1', role: 'candidate' }));
    render(<AdminPage />);
    await screen.findByTestId('admin-not-allowed');
    act(() => setToken(jwt({ sub: 'admin-1', role: 'admin' })));
    await screen.findByTestId('admin-dashboard');
    expect(screen.queryByTestId('admin-not-allowed')).toBeNull();
    fetchSpy.mockRestore();
  });
  it('an answer of 403 from the API also shows "Not allowed"', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(JSON.stringify({ title: 'Forbidden', status: 403 }), { status: 403 }));
    setToken(jwt({ sub: 'someone' }));
    render(<AdminPage />);
    expect((await screen.findByTestId('admin-not-allowed')).textContent).toContain('for administrators');
    fetchSpy.mockRestore();
  });
});
