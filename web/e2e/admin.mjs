// Browser test of the admin dashboard (/admin, issue 13) against the REAL service, in Debian's Chromium driven by
// playwright-core. It seeds submissions with known verdicts through the public API (dev tokens), then opens /admin as
// an admin and finds the seeded acceptance and timeout rates and runtimes on the page. Usage:
//   CODEROOM_URL=http://127.0.0.1:8080 npm run e2e:admin        (npm run e2e runs this after the IDE test)
// Optional env: CODEROOM_ADMIN_SLUG (default climbing-stairs), CODEROOM_PROBLEMS_DIR (default ../problems),
// CODEROOM_TOKEN / CODEROOM_ADMIN_TOKEN when the service is not in development mode, CHROMIUM_PATH, E2E_HEADFUL=1.
// Screenshots: e2e/artifacts/admin-light.png, admin-dark.png, admin-not-allowed.png. Last line: `N passed, N failed`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, BASE, ORIGIN, apiFetch, assert, check, devToken as maybeDevToken, here, launchChromium, runAll } from './harness.mjs';

// A problem the IDE test (run.mjs, two-sum) does not touch, so its row holds only what this test seeds.
const SLUG = process.env.CODEROOM_ADMIN_SLUG ?? 'climbing-stairs';
const PROBLEMS_DIR = process.env.CODEROOM_PROBLEMS_DIR ?? join(here, '..', '..', 'problems');

async function devToken(user_id, role) {
  const token = await maybeDevToken(user_id, role);
  if (!token) throw new Error('POST /api/dev/token failed: set CODEROOM_TOKEN/CODEROOM_ADMIN_TOKEN');
  return token;
}

// The same formatting as the page (src/lib/admin-format.ts), to find the seeded truth in the page's text.
const formatRate = (r) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`);
const formatMs = (ms) =>
  ms === null || ms === undefined ? '—' : ms < 10 ? `${(Math.round(ms * 10) / 10).toFixed(1)} ms` : ms < 10000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;

// ---- Seeding: submissions with known verdicts, one fresh user (and attempt) each, so no per-user cap applies. ----
function solutions() {
  const read = (f) => readFileSync(join(PROBLEMS_DIR, SLUG, 'solutions', f), 'utf8');
  const right = read('reference.py');
  const wrong = read('wrong.py');
  // A time-limit exceeder: the reference with an endless loop as the first statement of its method.
  const m = /^([ \t]*)def \w+\(self[^\n]*:\s*$/m.exec(right);
  assert(m, `no method in ${SLUG}/solutions/reference.py`);
  const at = m.index + m[0].length;
  const slow = `${right.slice(0, at)}\n${m[1]}    while True:\n${m[1]}        pass${right.slice(at)}`;
  return { right, wrong, slow };
}

async function submitAndWait(user, code, marker) {
  const token = await devToken(user, 'candidate');
  const attempt = await apiFetch('/api/attempts', { token, method: 'POST', body: { interview_id: `e2e-admin-${Date.now()}` } });
  assert(attempt.status === 200 || attempt.status === 201, `POST /api/attempts answered ${attempt.status}`);
  const body = { attempt_id: attempt.data.attempt_id ?? attempt.data.id, problem_id: SLUG, language: 'python', code: `# ${marker}\n${code}` };
  let r = await apiFetch('/api/coding/submit', { token, method: 'POST', body });
  for (let i = 0; i < 10 && r.status === 429; i++) {
    await new Promise((res) => setTimeout(res, 1000 * Number(r.data?.retry_after ?? 3)));
    r = await apiFetch('/api/coding/submit', { token, method: 'POST', body });
  }
  assert(r.status === 200 || r.status === 202, `POST /api/coding/submit answered ${r.status}: ${JSON.stringify(r.data)}`);
  const id = r.data.submission_id ?? r.data.id;
  const deadline = Date.now() + 120_000;
  let s = r.data;
  while (['queued', 'running'].includes(s.status) && Date.now() < deadline) {
    await new Promise((res) => setTimeout(res, 500));
    s = (await apiFetch(`/api/coding/status?id=${encodeURIComponent(id)}`, { token })).data;
  }
  return { id, user, attempt_id: body.attempt_id, verdict: s.summary?.status ?? s.verdict ?? s.status };
}

function median(xs) {
  const a = [...xs].sort((x, y) => x - y);
  return a.length % 2 ? a[(a.length - 1) / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
}

let profile = null;

async function main() {
  const stamp = Date.now();
  const marker = `e2e-admin-seed-${stamp}`;
  const { right, wrong, slow } = solutions();
  // The seeded truth: 3 accepted, 1 wrong answer, 1 time limit exceeded → 60.0% accepted, 20.0% timeouts.
  const plan = [
    ['accepted', right],
    ['wrong_answer', wrong],
    ['accepted', right],
    ['time_limit_exceeded', slow],
    ['accepted', right],
  ];
  const seeded = [];
  const admin = process.env.CODEROOM_ADMIN_TOKEN ?? (await devToken(`e2e-admin-${stamp}`, 'admin'));
  const candidate = process.env.CODEROOM_TOKEN ?? (await devToken(`e2e-cand-${stamp}`, 'candidate'));
  let stat = null; // this problem's python row from GET /api/admin/stats/problems
  let seededLogs = []; // the seeded runs' logs from GET /api/admin/run-logs

  // What the service already had for this problem (another run of this test against the same service), so the
  // expected rates are exact either way: (earlier + seeded) / (earlier submits + 5).
  const statsWindow = () => {
    const now = Date.now();
    return new URLSearchParams({ from: new Date(now - 3_600_000).toISOString(), to: new Date(now + 120_000).toISOString() });
  };
  const admProblem = await apiFetch(`/api/admin/problems/${SLUG}`, { token: admin });
  const numericId = admProblem.data?.id ?? admProblem.data?.problem_id;
  const findRow = (items) =>
    (items ?? []).find((s) => s.language === 'python' && (s.problem_slug === SLUG || String(s.problem_id) === SLUG || (numericId !== undefined && String(s.problem_id) === String(numericId))));
  const before = await apiFetch(`/api/admin/stats/problems?${statsWindow()}`, { token: admin });
  // Without the admin API (it is built on branch obs) the checks marked [admin API] fail at once, saying why.
  const apiMissing = before.status === 404 ? `GET /api/admin/stats/problems answered 404: the service has no admin API (branch obs)` : null;
  const needApi = () => {
    if (apiMissing) throw new Error(apiMissing);
  };
  const earlier = before.status === 200 ? findRow(Array.isArray(before.data) ? before.data : before.data?.items) : undefined;
  const base = earlier
    ? { submits: earlier.submits, accepted: Math.round(earlier.acceptance_rate * earlier.submits), timeouts: Math.round(earlier.timeout_rate * earlier.submits) }
    : { submits: 0, accepted: 0, timeouts: 0 };
  const want = {
    submits: base.submits + 5,
    acceptance_rate: (base.accepted + 3) / (base.submits + 5),
    timeout_rate: (base.timeouts + 1) / (base.submits + 5),
  };
  if (earlier) console.log(`     the service already had ${base.submits} python submits of ${SLUG} in the last hour; expecting ${JSON.stringify(want)}`);

  await check(`seeding: ${plan.length} python submits of ${SLUG} finish with the planned verdicts (public API)`, async () => {
    for (const [i, [expected, code]] of plan.entries()) {
      const s = await submitAndWait(`e2e-admin-seed-${stamp}-${i}`, code, marker);
      assert(s.verdict === expected, `submit ${i} should be ${expected}, was ${s.verdict}`);
      seeded.push(s);
    }
  });

  // ---- Needs the admin API (branch obs) from here on, except the candidate checks. ----
  await check('[admin API] GET /api/admin/stats/problems has the seeded counts and rates', async () => {
    needApi();
    // The aggregates come from a roll-up the service refreshes every few seconds: wait for the seeded submits.
    const deadline = Date.now() + 90_000;
    for (;;) {
      const r = await apiFetch(`/api/admin/stats/problems?${statsWindow()}`, { token: admin });
      assert(r.status === 200, `GET /api/admin/stats/problems answered ${r.status} (the admin API is on branch obs)`);
      const items = Array.isArray(r.data) ? r.data : r.data.items;
      stat = findRow(items);
      if ((stat && stat.submits >= want.submits) || Date.now() > deadline) break;
      await new Promise((res) => setTimeout(res, 1000));
    }
    assert(stat, `no python row for ${SLUG} after 90 s`);
    assert(stat.submits === want.submits, `submits ${stat.submits}, expected ${want.submits}`);
    assert(Math.abs(stat.acceptance_rate - want.acceptance_rate) < 1e-9, `acceptance_rate ${stat.acceptance_rate}, expected ${want.acceptance_rate}`);
    assert(Math.abs(stat.timeout_rate - want.timeout_rate) < 1e-9, `timeout_rate ${stat.timeout_rate}, expected ${want.timeout_rate}`);
    if (!earlier) assert(stat.compile_error_rate === 0 && stat.runtime_error_rate === 0, `error rates ${stat.compile_error_rate}/${stat.runtime_error_rate}, seeded 0`);
    const logs = await apiFetch(`/api/admin/run-logs?${new URLSearchParams({ problem_id: SLUG, language: 'python', limit: '100' })}`, { token: admin });
    assert(logs.status === 200, `GET /api/admin/run-logs answered ${logs.status}`);
    const ids = new Set(seeded.map((s) => s.id));
    seededLogs = logs.data.items.filter((l) => ids.has(l.submission_id) || ids.has(l.id));
    assert(seededLogs.length === 5, `run logs of the seeded submits: ${seededLogs.length} of 5`);
    for (const s of seeded) {
      const l = seededLogs.find((x) => x.submission_id === s.id || x.id === s.id);
      assert(l && l.verdict === s.verdict, `run log of ${s.id}: verdict ${l?.verdict}, judged ${s.verdict}`);
    }
    // The average runtime is exact (a mean of the seeded runs' CPU time); the median and p95 are estimates from
    // fixed histogram buckets, so only their order is checked.
    const cpu = seededLogs.map((l) => l.cpu_ms);
    const mean = cpu.reduce((a, b) => a + b, 0) / cpu.length;
    if (stat.avg_runtime_ms !== undefined && !earlier) {
      assert(Math.abs(stat.avg_runtime_ms - mean) <= 0.5, `avg_runtime_ms ${stat.avg_runtime_ms}, the seeded runs' mean CPU time is ${mean.toFixed(2)} ms`);
    }
    assert(typeof stat.median_runtime_ms === 'number' && stat.median_runtime_ms >= 0, `median_runtime_ms ${stat.median_runtime_ms}`);
    assert(stat.p95_runtime_ms >= stat.median_runtime_ms, `p95 ${stat.p95_runtime_ms} < median ${stat.median_runtime_ms}`);
    console.log(`     seeded runs: mean CPU ${mean.toFixed(2)} ms, median CPU ${median(cpu).toFixed(1)} ms; API avg ${stat.avg_runtime_ms} ms, median ${stat.median_runtime_ms} ms, p95 ${stat.p95_runtime_ms} ms`);
  });

  await check('a candidate gets 403 or 404 from every admin API', async () => {
    for (const path of ['/api/admin/stats/problems', '/api/admin/stats/timeline?bucket=hour', '/api/admin/stats/runtime', '/api/admin/live', '/api/admin/run-logs', '/api/admin/run-logs/x']) {
      const r = await apiFetch(path, { token: candidate });
      assert(r.status === 403 || r.status === 404, `${path} answered ${r.status} to a candidate`);
    }
  });

  const launched = await launchChromium('coderoom-e2e-admin-');
  profile = launched.profile;
  const context = launched.context;
  const requests = [];
  const pageErrors = [];
  context.on('request', (r) => requests.push(r.url()));
  let page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));

  await check('a candidate opening /admin sees "Not allowed"', async () => {
    await page.goto(`${BASE}/admin/#token=${encodeURIComponent(candidate)}`);
    const box = page.locator('[data-testid="admin-not-allowed"]');
    await box.waitFor({ timeout: 30000 });
    assert(/not allowed/i.test(await box.innerText()), 'no "Not allowed" text');
    assert((await page.locator('[data-testid="problem-stats"]').count()) === 0, 'a candidate sees the stats table');
    await page.screenshot({ path: join(ARTIFACTS, 'admin-not-allowed.png') });
  });

  await check('[admin API] an admin opens /admin and finds the seeded acceptance and timeout rates and runtimes', async () => {
    needApi();
    // A new tab (sessionStorage is per tab), so the candidate's token is gone.
    await page.close();
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(`${BASE}/admin/#token=${encodeURIComponent(admin)}`);
    await page.waitForSelector('[data-testid="problem-stats"], [data-testid="admin-not-allowed"]', { timeout: 30000 });
    const refused = page.locator('[data-testid="admin-not-allowed"]');
    if (await refused.count()) throw new Error(`an admin sees "${await refused.innerText()}"`);
    await page.click('[data-testid="range-hour"]');
    assert(stat, 'no stats row from the API (see the check above)');
    const key = stat.problem_slug || String(stat.problem_id);
    const row = page.locator(`[data-testid="problem-stat-row"][data-problem="${key}"][data-language="python"]`);
    await row.waitFor({ timeout: 15000 });
    const cell = async (col) => (await row.locator(`[data-col="${col}"]`).innerText()).trim();
    assert((await cell('submits')) === String(want.submits), `submits on the page: ${await cell('submits')}, expected ${want.submits}`);
    assert((await cell('acceptance_rate')) === formatRate(want.acceptance_rate), `acceptance on the page: ${await cell('acceptance_rate')}, expected ${formatRate(want.acceptance_rate)}`);
    assert((await cell('timeout_rate')) === formatRate(want.timeout_rate), `timeouts on the page: ${await cell('timeout_rate')}, expected ${formatRate(want.timeout_rate)}`);
    assert((await cell('compile_error_rate')) === formatRate(stat.compile_error_rate), `compile errors on the page: ${await cell('compile_error_rate')}`);
    assert((await cell('median_runtime_ms')) === formatMs(stat.median_runtime_ms), `median on the page ${await cell('median_runtime_ms')}, API ${stat.median_runtime_ms}`);
    assert((await cell('p95_runtime_ms')) === formatMs(stat.p95_runtime_ms), `p95 on the page ${await cell('p95_runtime_ms')}, API ${stat.p95_runtime_ms}`);
    if (stat.avg_runtime_ms !== undefined) {
      assert((await cell('avg_runtime_ms')) === formatMs(stat.avg_runtime_ms), `average on the page ${await cell('avg_runtime_ms')}, API ${stat.avg_runtime_ms}`);
    }
    assert((await page.innerText('[data-testid="summary-submits"]')).length > 0, 'no summary');
    console.log(`     row: ${formatRate(stat.acceptance_rate)} accepted, ${formatRate(stat.timeout_rate)} timeouts, avg ${formatMs(stat.avg_runtime_ms)}, median ${formatMs(stat.median_runtime_ms)}`);
  });

  await check('[admin API] the charts draw the seeded runs (verdict mix, runtime distribution)', async () => {
    needApi();
    await page.waitForSelector('[data-testid="chart-verdicts"] .recharts-bar-rectangle', { timeout: 15000 });
    await page.waitForSelector('[data-testid="chart-runtime"] .recharts-bar-rectangle', { timeout: 15000 });
    // One bucket draws dots only; two or more draw the curve.
    await page.waitForSelector('[data-testid="chart-runs"] .recharts-line-dot, [data-testid="chart-runs"] .recharts-line-curve', { timeout: 15000 });
    const legend = await page.locator('[data-testid="chart-verdicts"] .recharts-legend-wrapper').innerText();
    assert(/Accepted/.test(legend) && /Time Limit Exceeded/.test(legend) && /Wrong Answer/.test(legend), `verdict legend: ${legend}`);
  });

  await check('[admin API] the live panel refreshes without a reload', async () => {
    needApi();
    await page.waitForSelector('[data-testid="live-queue-depth"]', { timeout: 15000 });
    const n = Number(await page.getAttribute('[data-testid="live-panel"]', 'data-polls'));
    await page.waitForFunction((k) => Number(document.querySelector('[data-testid="live-panel"]')?.dataset.polls) > k, n, { timeout: 15000 });
    assert(/^\d+$/.test((await page.innerText('[data-testid="live-queue-depth"]')).trim()), 'queue depth is not a number');
    // The compile sandboxes waiting for the next compile: a row each (language, run or live check, compiler, age), or none.
    const rows = await page.$$eval('[data-testid="compile-sandboxes"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())));
    const known = ['python', 'java', 'cpp', 'javascript', 'typescript', 'csharp', 'go', 'rust'];
    assert(rows.length > 0, 'no compile-sandboxes table');
    for (const row of rows) {
      assert(row[0] === 'none' || (known.includes(row[0]) && ['run', 'live check'].includes(row[1]) && /^\d+ (s|min)$/.test(row[3])), `odd compile-sandbox row ${JSON.stringify(row)}`);
    }
  });

  await check('[admin API] the run-log browser filters by problem and verdict and shows a run with its tests and code', async () => {
    needApi();
    const tle = seeded.find((s) => s.verdict === 'time_limit_exceeded');
    assert(tle, 'no seeded time-limit run');
    await page.fill('[data-testid="runlog-filter-problem_id"]', stat ? String(stat.problem_slug || stat.problem_id) : SLUG);
    await page.selectOption('[data-testid="runlog-filter-verdict"]', 'time_limit_exceeded');
    await page.fill('[data-testid="runlog-filter-user_id"]', tle.user);
    await page.click('[data-testid="runlog-search"]');
    await page.waitForFunction(
      () => {
        const rows = [...document.querySelectorAll('[data-testid="runlog-row"]')];
        return rows.length === 1 && rows[0].dataset.verdict === 'time_limit_exceeded';
      },
      null,
      { timeout: 15000 },
    );
    await page.locator('[data-testid="runlog-row"]').first().click();
    await page.waitForSelector('[data-testid="detail-code"]', { timeout: 15000 });
    assert((await page.innerText('[data-testid="detail-verdict"]')).trim() === 'Time Limit Exceeded', 'detail verdict');
    assert((await page.innerText('[data-testid="detail-code"]')).includes(marker), 'the detail does not show the submitted code');
    const tests = await page.locator('[data-testid="detail-test-row"]').allInnerTexts();
    assert(tests.some((t) => /Time Limit Exceeded/.test(t)), `no timed-out test in the detail: ${tests.join(' | ')}`);
  });

  await check('[admin API] screenshots of the dashboard in light and dark themes', async () => {
    needApi();
    // Taken with the timed-out run's detail open below the charts.
    await page.waitForSelector('[data-testid="chart-runtime"] .recharts-bar-rectangle', { timeout: 15000 });
    await page.evaluate(() => {
      localStorage.setItem('coderoom:theme', 'light');
      document.documentElement.dataset.theme = 'light';
    });
    await page.screenshot({ path: join(ARTIFACTS, 'admin-light.png'), fullPage: true });
    await page.click('[data-testid="theme-toggle"]');
    assert((await page.evaluate(() => document.documentElement.dataset.theme)) === 'dark', 'theme did not switch');
    await page.screenshot({ path: join(ARTIFACTS, 'admin-dark.png'), fullPage: true });
    await page.click('[data-testid="theme-toggle"]');
  });

  await check('the admin page requests nothing from another origin', async () => {
    const foreign = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== ORIGIN);
    assert(requests.length > 3, 'too few requests recorded');
    assert(foreign.length === 0, `requests to other origins:\n${[...new Set(foreign)].slice(0, 10).join('\n')}`);
  });

  await check('no uncaught errors in the admin page', async () => {
    assert(pageErrors.length === 0, pageErrors.join('\n'));
  });

  await context.close();
}

await runAll('admin e2e', main, { profileOf: () => profile, screenshots: `${ARTIFACTS}/admin-{light,dark,not-allowed}.png` });
