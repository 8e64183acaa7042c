// Dev-only check of the /admin page against the mock API (e2e/mock-server.mjs serving tests/fixtures/admin/*.json),
// for working on the page while the real admin API is being built. The committed browser test is e2e/admin.mjs, which
// runs against the REAL service. Usage: npm run build && npm run admin:mock   (screenshots: e2e/artifacts/mock-admin-*.png)
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = join(here, 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });
const port = Number(process.env.MOCK_PORT ?? 18190);
const BASE = `http://127.0.0.1:${port}`;
const mock = spawn(process.execPath, [join(here, 'mock-server.mjs'), String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => mock.stdout.once('data', resolve));

const profile = mkdtempSync(join(tmpdir(), 'coderoom-admin-mock-'));
let failed = 0;
const ok = (cond, msg) => {
  console.log(`${cond ? 'ok  ' : 'FAIL'} ${msg}`);
  if (!cond) failed++;
};
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1440, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${BASE}/admin/`);
  await page.waitForSelector('[data-testid="signin"]');
  ok((await page.inputValue('[data-testid="signin-role"]')) === 'admin', 'the sign-in on /admin defaults to the admin role');
  await page.click('[data-testid="signin-submit"]');
  await page.waitForSelector('[data-testid="problem-stat-row"]');
  const row = page.locator('[data-testid="problem-stat-row"][data-problem="two-sum"][data-language="python"]');
  ok((await row.locator('[data-col="acceptance_rate"]').innerText()) === '50.0%', 'acceptance rate from the fixture');
  ok((await row.locator('[data-col="timeout_rate"]').innerText()) === '25.0%', 'timeout rate from the fixture');
  ok((await row.locator('[data-col="median_runtime_ms"]').innerText()) === '42 ms', 'median runtime from the fixture');
  await page.waitForSelector('[data-testid="chart-verdicts"] .recharts-bar-rectangle');
  await page.waitForSelector('[data-testid="chart-runtime"] .recharts-bar-rectangle');
  await page.waitForSelector('[data-testid="live-queue-depth"]');
  const polls0 = Number(await page.getAttribute('[data-testid="live-panel"]', 'data-polls'));
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="live-panel"]').dataset.polls) > n, polls0, { timeout: 10000 });
  ok(true, 'the live panel polls without a reload');
  await page.locator('[data-testid="runlog-row"]').first().click();
  await page.waitForSelector('[data-testid="detail-code"]');
  ok((await page.locator('[data-testid="runlog-detail"] img').count()) === 0, 'code and errors are text, not HTML');
  ok((await page.innerText('[data-testid="detail-code"]')).includes('<img src=x onerror=alert(3)>'), 'code shown as text');
  await page.screenshot({ path: join(ARTIFACTS, 'mock-admin-light.png'), fullPage: true });
  await page.click('[data-testid="theme-toggle"]');
  await page.screenshot({ path: join(ARTIFACTS, 'mock-admin-dark.png'), fullPage: true });
  await page.click('[data-testid="theme-toggle"]');
  // A candidate is refused.
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  await page.selectOption('[data-testid="signin-role"]', 'candidate');
  await page.click('[data-testid="signin-submit"]');
  await page.waitForSelector('[data-testid="admin-not-allowed"]');
  ok(true, 'a candidate sees "Not allowed"');
  ok(errors.length === 0, `no page errors ${errors.join('\n')}`);
} catch (e) {
  ok(false, e?.stack ?? String(e));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  mock.kill();
}
console.log(`screenshots: ${ARTIFACTS}/mock-admin-{light,dark}.png`);
process.exit(failed ? 1 : 0);
