// Browser tests of the interview room (issue 16) against the REAL service, in Debian's Chromium:
//  - a sample host (samples/embed-host, served here from a second loopback origin listed in the service's
//    EMBED_ORIGINS) embeds the IDE and receives ready, code-changed, run-finished and submitted;
//  - a page on an origin not allowed cannot frame it (CSP frame-ancestors) nor talk to it (postMessage ignored);
//  - with two browser contexts, the interviewer's view shows what the candidate types within one second, the
//    candidate's page says it is watched, and a Run shows there with its result; a submit only its summary;
//  - another interview's attempt cannot be watched;
//  - the replay reproduces the code exactly at three moments and at the end; a run marker opens; the diff shows.
// Usage: CODEROOM_URL=http://127.0.0.1:8080 node e2e/room.mjs (the service started with
// EMBED_ORIGINS=http://127.0.0.1:<its port + 1>; ./coderoom test does so). Screenshots go to web/e2e/artifacts/.
import { createServer } from 'node:http';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, BASE, apiFetch, assert, check, here, launchChromium, runAll } from './harness.mjs';

const SLUG = process.env.CODEROOM_SLUG ?? 'two-sum';
const servicePort = Number(new URL(BASE).port || 80);
const HOST_PORT = Number(process.env.CODEROOM_EMBED_HOST_PORT ?? servicePort + 1);
const EVIL_PORT = Number(process.env.CODEROOM_EMBED_EVIL_PORT ?? servicePort + 2);
const HOST = `http://127.0.0.1:${HOST_PORT}`;
const EVIL = `http://127.0.0.1:${EVIL_PORT}`;
const sampleHtml = readFileSync(join(here, '..', '..', 'samples', 'embed-host', 'index.html'), 'utf8');

function serve(port, html) {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(html);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function token(user_id, role, interview_ids) {
  const r = await apiFetch('/api/dev/token', { method: 'POST', body: { user_id, role, interview_ids } });
  assert(r.status === 200, `dev token: ${r.status} ${JSON.stringify(r.data)}`);
  return r.data.access_token;
}

const stamp = Date.now();
const interview = `e2e-iv-${stamp}`;
const STAGES = [
  'class Solution:\n    def twoSum(self, nums, target):\n        pass\n',
  'class Solution:\n    def twoSum(self, nums, target):\n        seen = {}\n        for i, x in enumerate(nums):\n            pass\n        return []\n',
  'class Solution:\n    def twoSum(self, nums, target):\n        seen = {}\n        for i, x in enumerate(nums):\n            if target - x in seen:\n                return [seen[target - x], i]\n            seen[x] = i\n        return []\n',
];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let profile = null;
let secondProfile = null;
const servers = [];
const closers = [];

async function main() {
  servers.push(await serve(HOST_PORT, sampleHtml));
  const evilHtml = `<!doctype html><title>not allowed</title><body><script>
    window.received = [];
    addEventListener('message', (e) => window.received.push({ origin: e.origin, data: e.data }));
  </script></body>`;
  servers.push(await serve(EVIL_PORT, evilHtml));

  const candidateToken = await token(`e2e-cand-${stamp}`, 'candidate', [interview]);
  const interviewerToken = await token(`e2e-iv-${stamp}`, 'interviewer', [interview]);
  const created = await apiFetch('/api/attempts', { token: candidateToken, method: 'POST', body: {} });
  assert(created.status === 201 && created.data.interview_bound, `attempt: ${created.status} ${JSON.stringify(created.data)}`);
  const attempt = created.data.attempt_id;

  // Two browser contexts (each its own profile): the candidate in the host app, the interviewer on CodeRoom itself.
  const launched = await launchChromium('coderoom-room-e2e-');
  profile = launched.profile;
  const second = await launchChromium('coderoom-room-e2e-iv-');
  secondProfile = second.profile;
  closers.push(() => launched.context.close(), () => second.context.close());
  const hostContext = launched.context;
  const interviewerContext = second.context;
  const host = await hostContext.newPage();
  const pageErrors = [];
  host.on('pageerror', (e) => pageErrors.push(String(e)));

  const hostEvents = (name) => host.evaluate((n) => window.hostEvents.filter((e) => e.name === n).map((e) => e.event), name);
  const waitHostEvent = (name, count = 1, timeout = 120000) =>
    host.waitForFunction(([n, c]) => window.hostEvents.filter((e) => e.name === n).length >= c, [name, count], { timeout });
  let frame = null;

  await check('a sample host on another origin embeds the IDE and gets "ready"', async () => {
    await host.addInitScript((cfg) => (window.CODEROOM_SAMPLE = cfg), { service: BASE, token: candidateToken, attempt, problem: SLUG, language: 'python' });
    await host.goto(`${HOST}/`);
    await waitHostEvent('ready', 1, 30000);
    const iframe = await host.waitForSelector('iframe', { timeout: 10000 });
    const src = await iframe.getAttribute('src');
    assert(!/token|eyJ/.test(src), `the token must not be in the iframe URL: ${src}`);
    frame = await iframe.contentFrame();
    await frame.waitForSelector('[data-testid="embed"] .monaco-editor', { timeout: 60000 });
    await frame.waitForFunction(() => !!window.__coderoomEditor, null, { timeout: 30000 });
    assert((await frame.locator('header.topbar').count()) === 0, 'the embedded IDE must not show the app header');
    assert((await frame.locator('[data-testid="signin"]').count()) === 0, 'the embedded IDE must not show the sign-in');
  });

  const watcher = await interviewerContext.newPage();
  await check('the interviewer watches live and the candidate is told', async () => {
    await watcher.goto(`${BASE}/watch/?attempt=${attempt}#token=${encodeURIComponent(interviewerToken)}`);
    await watcher.waitForSelector('[data-testid="watch-status"][data-status="live"]', { timeout: 30000 });
    await frame.waitForSelector('[data-testid="watched-banner"]', { timeout: 10000 });
  });

  const setCode = (code) => frame.evaluate((c) => window.__coderoomEditor.setValue(c), code);
  const typeStage = async (target) => {
    // Three steps per stage (each an edit in the history), like bursts of typing.
    const cut = [Math.floor(target.length / 3), Math.floor((2 * target.length) / 3), target.length];
    for (const n of cut) {
      await setCode(target.slice(0, n));
      await sleep(200);
    }
  };

  await check('what the candidate types appears in the interviewer view within one second', async () => {
    await typeStage(STAGES[0]);
    await sleep(1300);
    const marker = `# typed at ${Date.now()}`;
    const t0 = Date.now();
    await setCode(STAGES[1] + marker);
    await watcher.waitForFunction((c) => document.querySelector('[data-testid="watch-code"]')?.getAttribute('data-value') === c,
      STAGES[1] + marker, { timeout: 5000 });
    const elapsed = Date.now() - t0;
    // And Monaco shows it (its rendered lines, not only the value handed to it).
    await watcher.waitForFunction((m) => (document.querySelector('[data-testid="watch-code"] .view-lines')?.textContent ?? '').replace(/\u00a0/g, ' ').includes(m), marker, { timeout: 2000 });
    console.log(`     typing reached the interviewer in ${elapsed} ms`);
    assert(elapsed < 1000, `took ${elapsed} ms`);
    assert((await watcher.locator('[data-testid="watch-language"]').innerText()) === 'python', 'language not shown');
    await setCode(STAGES[1]);
    await sleep(1300);
  });

  await check('a Run in the host frame reaches the host (run-finished) and the interviewer with its result', async () => {
    await waitHostEvent('codeChanged', 1, 5000);
    const last = (await hostEvents('codeChanged')).at(-1);
    assert(last.code === STAGES[1] && last.language === 'python', 'code-changed carried another text');
    await frame.click('[data-testid="run"]');
    await waitHostEvent('runFinished');
    const run = (await hostEvents('runFinished'))[0];
    assert(run.result.mode === 'run' && run.result.summary?.status, `run-finished: ${JSON.stringify(run).slice(0, 300)}`);
    await watcher.waitForSelector('[data-testid="live-run"]', { timeout: 10000 });
    const verdict = await watcher.locator('[data-testid="live-run"]').first().getAttribute('data-verdict');
    assert(verdict === run.result.summary.status, `interviewer saw ${verdict}, candidate ${run.result.summary.status}`);
    assert((await watcher.locator('[data-testid="live-test"]').count()) >= 1, 'the run\'s per-test results are not shown');
  });

  await check('a Submit reaches the host (submitted, summary only) and the interviewer', async () => {
    await typeStage(STAGES[2]);
    await sleep(1300);
    await frame.click('[data-testid="submit"]');
    await waitHostEvent('submitted');
    const sub = (await hostEvents('submitted'))[0];
    assert(sub.result.mode === 'submit' && sub.result.summary?.status === 'accepted', `submitted: ${JSON.stringify(sub).slice(0, 300)}`);
    assert(!('results' in sub.result), 'a submit must carry the summary only');
    await watcher.waitForSelector('[data-testid="live-submit"][data-verdict="accepted"]', { timeout: 10000 });
    assert((await watcher.locator('[data-testid="live-submit"] [data-testid="live-test"]').count()) === 0, 'a submit showed per-test data');
    await watcher.screenshot({ path: join(ARTIFACTS, 'room-interviewer-view.png') });
    await host.screenshot({ path: join(ARTIFACTS, 'room-sample-host.png') });
  });

  await check('another interview\'s attempt cannot be watched', async () => {
    const otherToken = await token(`e2e-cand2-${stamp}`, 'candidate', [`${interview}-other`]);
    const other = await apiFetch('/api/attempts', { token: otherToken, method: 'POST', body: {} });
    assert(other.status === 201, 'second attempt');
    const page = await interviewerContext.newPage();
    await page.goto(`${BASE}/watch/?attempt=${other.data.attempt_id}#token=${encodeURIComponent(interviewerToken)}`);
    await page.waitForSelector('[data-testid="watch-error"]', { timeout: 30000 });
    assert((await page.locator('[data-testid="watch-code"]').count()) === 0, 'code shown');
    const history = await apiFetch(`/api/attempts/${other.data.attempt_id}/history`, { token: interviewerToken });
    assert(history.status === 404, `history answered ${history.status}`);
    await page.close();
  });

  await check('a page on an origin not allowed cannot embed the IDE nor talk to it', async () => {
    const evil = await hostContext.newPage();
    await evil.goto(`${EVIL}/`);
    const blocked = [];
    evil.on('console', (m) => /frame-ancestors|Refused to frame/i.test(m.text()) && blocked.push(m.text()));
    await evil.evaluate((src) => {
      const f = document.createElement('iframe');
      f.src = src;
      document.body.appendChild(f);
    }, `${BASE}/embed/?problem=${SLUG}&attempt=${attempt}`);
    await sleep(3000);
    const child = evil.frames().find((f) => f !== evil.mainFrame());
    const rendered = child ? await child.locator('[data-testid="embed-waiting"], [data-testid="embed"]').count().catch(() => 0) : 0;
    assert(rendered === 0, 'the embed page rendered inside a frame of a disallowed origin');
    // Opened as a window instead (CSP does not apply): it is not framed, hears nobody, and posts nothing.
    const popupPromise = evil.waitForEvent('popup');
    await evil.evaluate((src) => (window.w = window.open(src)), `${BASE}/embed/?problem=${SLUG}&attempt=${attempt}`);
    const popup = await popupPromise;
    await popup.waitForSelector('[data-testid="embed-error"]', { timeout: 30000 });
    await evil.evaluate((t) => window.w.postMessage({ type: 'coderoom:init', token: t }, '*'), candidateToken);
    await sleep(1000);
    assert((await popup.locator('[data-testid="embed"]').count()) === 0, 'the popup accepted a token from a disallowed origin');
    const received = await evil.evaluate(() => window.received);
    assert(received.length === 0, `the disallowed origin received ${JSON.stringify(received).slice(0, 200)}`);
    const csp = (await fetch(`${BASE}/embed/`)).headers.get('content-security-policy');
    assert(csp && csp.includes(HOST) && !csp.includes(EVIL), `embed CSP: ${csp}`);
    console.log(`     blocked: ${blocked[0] ?? '(no console message; the frame stayed empty)'}`);
    await popup.close();
    await evil.close();
  });

  await check('the replay reproduces the code exactly at three moments and at the end', async () => {
    const h = await apiFetch(`/api/attempts/${attempt}/history`, { token: interviewerToken });
    assert(h.status === 200, `history ${h.status}`);
    const events = h.data.events;
    const t0 = Date.parse(events[0].at);
    const code = events.filter((e) => e.kind === 'snapshot' || e.kind === 'edit');
    // The stages were typed in bursts 1.3 s apart: the last code event before each pause is where a stage ended.
    const ends = [];
    for (let i = 0; i < code.length; i++) {
      const next = code[i + 1];
      if (!next || Date.parse(next.at) - Date.parse(code[i].at) > 900) ends.push(Date.parse(code[i].at) - t0);
    }
    assert(ends.length >= 3, `expected three pauses, found ${ends.length}`);
    const page = await interviewerContext.newPage();
    await page.goto(`${BASE}/replay/?attempt=${attempt}#token=${encodeURIComponent(interviewerToken)}`);
    await page.waitForSelector('[data-testid="replay-scrub"]', { timeout: 30000 });
    const scrub = (t) =>
      page.$eval('[data-testid="replay-scrub"]', (el, v) => {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, String(v));
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }, t);
    const shown = () => page.locator('[data-testid="replay-code"]').getAttribute('data-value');
    const expected = [STAGES[0], STAGES[1], STAGES[2]];
    const moments = ends.slice(-3);
    for (let i = 0; i < 3; i++) {
      await scrub(moments[i]);
      await page.waitForFunction((c) => document.querySelector('[data-testid="replay-code"]')?.getAttribute('data-value') === c, expected[i], { timeout: 5000 })
        .catch(() => undefined);
      assert((await shown()) === expected[i], `moment ${i + 1} (${moments[i]} ms): ${JSON.stringify(await shown())}`);
    }
    const max = Number(await page.getAttribute('[data-testid="replay-scrub"]', 'max'));
    await scrub(max);
    assert((await shown()) === STAGES[2], 'the end differs from the final code');
    // Play from the start at 16x reaches the end.
    await scrub(0);
    await page.selectOption('[data-testid="replay-speed"]', '16');
    await page.click('[data-testid="replay-play"]');
    await page.waitForFunction((c) => document.querySelector('[data-testid="replay-code"]')?.getAttribute('data-value') === c, STAGES[2], { timeout: 20000 });
    // Runs and submits are marked; a click opens one; the diff against the previous run renders.
    assert((await page.locator('[data-testid="marker-run"]').count()) >= 1 && (await page.locator('[data-testid="marker-submit"]').count()) >= 1, 'markers missing');
    await page.click('[data-testid="marker-submit"]');
    await page.waitForSelector('[data-testid="replay-opened"]', { timeout: 5000 });
    await page.check('[data-testid="replay-diff-toggle"]');
    await page.waitForSelector('[data-testid="replay-diff"] .monaco-diff-editor', { timeout: 30000 });
    await page.screenshot({ path: join(ARTIFACTS, 'room-replay.png') });
    await page.close();
  });

  await check('the embedded page raised no errors', async () => {
    assert(pageErrors.length === 0, pageErrors.join('\n'));
  });
  await second.context.close();
  await launched.context.close();
  closers.length = 0;
}

await runAll('room', main, {
  profileOf: () => {
    for (const s of servers) s.close();
    for (const c of closers) void c().catch(() => undefined);
    if (secondProfile) rmSync(secondProfile, { recursive: true, force: true });
    return profile;
  },
  screenshots: ARTIFACTS,
});
