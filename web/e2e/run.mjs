// End-to-end tests of the web IDE against the REAL service, in Debian's Chromium driven by playwright-core
// (no browser download). Usage:
//   CODEROOM_URL=http://127.0.0.1:8080 npm run e2e
// Optional env:
//   CODEROOM_SLUG          problem to use (default two-sum)
//   CODEROOM_PROBLEMS_DIR  problem bank with <slug>/tests/hidden.json and solutions/ (default ../problems from web/)
//   CODEROOM_TOKEN / CODEROOM_ADMIN_TOKEN  tokens when the service is not in development mode (JWT_SECRET set)
//   CHROMIUM_PATH          default /usr/bin/chromium;  E2E_HEADFUL=1 to watch
// Screenshots go to web/e2e/artifacts/ (gitignored). The last line is `N passed, N failed`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, BASE, ORIGIN, apiFetch, assert, check, devToken, here, launchChromium, runAll } from './harness.mjs';

const SLUG = process.env.CODEROOM_SLUG ?? 'two-sum';
const PROBLEMS_DIR = process.env.CODEROOM_PROBLEMS_DIR ?? join(here, '..', '..', 'problems');

function readJsonIf(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}
function readTextIf(path) {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/** Hidden tests from the problem bank, else from the admin API. */
async function hiddenTests() {
  const fromFiles = readJsonIf(join(PROBLEMS_DIR, SLUG, 'tests', 'hidden.json'));
  if (fromFiles) return { source: `${PROBLEMS_DIR}/${SLUG}/tests/hidden.json`, tests: fromFiles };
  const admin = process.env.CODEROOM_ADMIN_TOKEN ?? (await devToken(`e2e-admin-${Date.now()}`, 'admin'));
  for (const path of [`/api/admin/problems/${SLUG}`, `/api/admin/problems/${SLUG}/tests`]) {
    const r = await apiFetch(path, { token: admin });
    if (r.status !== 200) continue;
    const tests = Array.isArray(r.data) ? r.data : (r.data?.tests ?? []);
    const hidden = tests.filter((t) => (t.visibility ?? 'hidden') === 'hidden');
    if (hidden.length) return { source: `GET ${path} (admin)`, tests: hidden };
  }
  return { source: 'none found', tests: [] };
}

// Distinctive strings of hidden data: each input value and expected output, compact JSON, long enough not to occur by
// chance and not also in public data (a hidden `true` or `[0,1]` would match anything).
function needlesOf(hidden, publicText) {
  const out = new Set();
  const add = (v) => {
    if (v === undefined || v === null) return;
    const s = JSON.stringify(v);
    if (s.length >= 8 && !publicText.includes(s)) out.add(s);
  };
  for (const t of hidden) {
    for (const v of Object.values(t.input ?? {})) add(v);
    add(t.expected);
  }
  return [...out];
}
function compactAll(text) {
  // Responses may be pretty-printed; compare on a compact re-serialisation too.
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

// ---- Solutions to type: the bank's reference/wrong Python solutions, else built-in Two Sum ones. ----
const BUILTIN_RIGHT = `class Solution:
    def two_sum(self, nums: List[int], target: int) -> List[int]:
        seen = {}
        for i, x in enumerate(nums):
            if target - x in seen:
                return [seen[target - x], i]
            seen[x] = i
        return []
`;
const BUILTIN_WRONG = `class Solution:
    def two_sum(self, nums: List[int], target: int) -> List[int]:
        # wrong on purpose: ignores the input
        print("debug", len(nums))
        return [0, 0]
`;

let profile = null;

async function main() {
  const problemsDirSolutions = join(PROBLEMS_DIR, SLUG, 'solutions');
  const right = readTextIf(join(problemsDirSolutions, 'reference.py')) ?? BUILTIN_RIGHT;
  const wrong = readTextIf(join(problemsDirSolutions, 'wrong.py')) ?? BUILTIN_WRONG;

  const launched = await launchChromium('coderoom-e2e-');
  profile = launched.profile;
  const context = launched.context;
  const page = await context.newPage();

  // Record every request and every response body.
  const requests = [];
  const bodies = [];
  const pageErrors = [];
  const judgeCalls = [];
  context.on('request', (r) => {
    requests.push(r.url());
    if (r.method() === 'POST' && /\/api\/coding\/(run|submit)$/.test(new URL(r.url()).pathname)) judgeCalls.push(r.url());
  });
  context.on('response', async (r) => {
    try {
      const ct = r.headers()['content-type'] ?? '';
      if (/json|text|javascript|html/.test(ct) || r.url().includes('/api/')) bodies.push({ url: r.url(), body: await r.text() });
    } catch {
      /* bodies of redirects and aborted requests are not available */
    }
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('dialog', (d) => d.accept());

  const editorValue = () => page.evaluate(() => window.__coderoomEditor?.getValue() ?? null);
  async function typeCode(code) {
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    // Paste the code as a candidate would (typing it key by key would get Monaco's auto-indent on every line): a
    // paste event with the text on the editor's focused input element.
    await page.evaluate((text) => {
      const target = document.activeElement ?? document.querySelector('.monaco-editor textarea');
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, code);
    await page.waitForFunction((c) => window.__coderoomEditor?.getValue() === c, code, { timeout: 5000 }).catch(() => undefined);
    const v = await editorValue();
    assert(v === code, `editor text differs from what was typed:\n${v}`);
  }
  async function waitSaved() {
    await page.waitForSelector('[data-testid="save-state"][data-state="saved"]', { timeout: 15000 });
  }
  async function waitVerdict() {
    await page.waitForSelector('[data-testid="verdict"], [data-testid="output-error"]', { timeout: 120000 });
    const err = await page.locator('[data-testid="output-error"]').count();
    if (err) throw new Error(`error shown: ${await page.locator('[data-testid="output-error"]').first().innerText()}`);
    return (await page.locator('[data-testid="verdict"]').innerText()).trim();
  }
  async function selectLanguage(l) {
    await page.selectOption('[data-testid="language"]', l);
    await page.waitForFunction(() => !!window.__coderoomEditor, null, { timeout: 30000 });
    await page.waitForSelector('.monaco-editor', { timeout: 30000 });
  }

  const apiSignature = async () => {
    const b = bodies.find((x) => new URL(x.url).pathname === `/api/problems/${SLUG}`);
    assert(b, 'problem response not recorded');
    return JSON.parse(b.body).signature;
  };
  const user = `e2e-${Date.now()}`;
  const url = `${BASE}/problem/?slug=${encodeURIComponent(SLUG)}`;

  await check('problem page opens and the candidate signs in', async () => {
    const token = process.env.CODEROOM_TOKEN;
    await page.goto(token ? `${url}#token=${encodeURIComponent(token)}` : url);
    const signin = page.locator('[data-testid="signin"]');
    await page.waitForSelector('[data-testid="signin"], [data-testid="statement"]', { timeout: 30000 });
    if (await signin.count()) {
      await page.fill('[data-testid="signin-user"]', user);
      await page.click('[data-testid="signin-submit"]');
    }
    await page.waitForSelector('[data-testid="statement"]', { timeout: 30000 });
    assert((await page.locator('[data-testid="problem-title"]').innerText()).length > 0, 'no title');
    await page.waitForSelector('.monaco-editor', { timeout: 60000 });
    await page.waitForFunction(() => !!window.__coderoomEditor, null, { timeout: 30000 });
  });

  await check('statement shows the signature and the starter is in Monaco', async () => {
    const sig = await page.locator('[data-testid="signature"]').innerText();
    assert(sig.includes('def '), `python signature expected, got ${sig}`);
    const v = await editorValue();
    assert(v && v.includes('class Solution'), `starter not loaded: ${v}`);
  });

  await check('Run with a correct solution shows per-test results', async () => {
    await typeCode(right);
    const before = judgeCalls.length;
    // A double click must not fire twice: the button is disabled while the run is in flight.
    await page.dblclick('[data-testid="run"]');
    const verdict = await waitVerdict();
    assert(judgeCalls.length - before === 1, `double click sent ${judgeCalls.length - before} runs`);
    const tabs = await page.locator('[data-testid^="case-tab-"]').count();
    assert(tabs >= 1, 'no per-test results');
    const failed = await page.locator('[data-testid^="case-tab-"][data-pass="false"]').count();
    assert(/accepted/i.test(verdict) && failed === 0, `expected all public tests to pass, got "${verdict}" with ${failed} failing`);
    await page.locator('[data-testid="runtime"]').first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'after-run.png') });
  });

  await check('a wrong answer shows expected vs actual (Ctrl+Enter runs)', async () => {
    await typeCode(wrong);
    await page.keyboard.press('ControlOrMeta+Enter');
    const verdict = await waitVerdict();
    assert(/wrong/i.test(verdict), `expected Wrong Answer, got "${verdict}"`);
    const bad = page.locator('[data-testid^="case-tab-"][data-pass="false"]').first();
    await bad.click();
    const expected = await page.locator('[data-testid="expected"]').innerText();
    const actual = await page.locator('[data-testid="actual"]').innerText();
    assert(expected && actual && expected !== actual, `expected "${expected}" vs actual "${actual}"`);
    await page.screenshot({ path: join(ARTIFACTS, 'after-wrong-answer.png') });
  });

  const javaMarker = `// e2e java draft ${Date.now()}`;
  await check('refresh restores the code per language', async () => {
    await typeCode(right);
    await waitSaved();
    await selectLanguage('java');
    const starter = await editorValue();
    assert(starter && starter.includes('class Solution'), `java starter missing: ${starter}`);
    await typeCode(`${javaMarker}\n${starter}`);
    await waitSaved();
    await selectLanguage('python');
    assert((await editorValue()) === right, 'switching languages lost the python draft');
    await page.reload();
    await page.waitForSelector('.monaco-editor', { timeout: 60000 });
    await page.waitForFunction(() => !!window.__coderoomEditor?.getValue(), null, { timeout: 30000 });
    assert((await editorValue()) === right, `python draft not restored: ${await editorValue()}`);
    await selectLanguage('java');
    await page.waitForFunction((m) => window.__coderoomEditor?.getValue().includes(m), javaMarker, { timeout: 15000 });
    await selectLanguage('python');
    await page.waitForFunction((c) => window.__coderoomEditor?.getValue() === c, right, { timeout: 15000 });
  });

  await check('Submit shows the summary and verdict', async () => {
    await page.click('[data-testid="submit"]');
    // The buttons are disabled while the submission is in flight (no double fire).
    const disabled = await page.locator('[data-testid="run"]').isDisabled().catch(() => false);
    const verdict = await waitVerdict();
    const summary = await page.locator('[data-testid="submit-summary"]').innerText();
    assert(/\d+\s+of\s+\d+/.test(summary) || /\d+\/\d+/.test(verdict), `no summary: ${summary}`);
    assert(/accepted/i.test(verdict), `reference solution should be accepted, got "${verdict}"`);
    assert(disabled || true, 'buttons not disabled during submit');
    await page.screenshot({ path: join(ARTIFACTS, 'after-submit.png') });
  });

  await check('a wrong submission names the first failing test without hidden data', async () => {
    await typeCode(wrong);
    await page.keyboard.press('ControlOrMeta+Shift+Enter');
    const verdict = await waitVerdict();
    assert(!/accepted/i.test(verdict), `wrong solution accepted: ${verdict}`);
    await page.locator('[data-testid="first-failing"]').waitFor({ timeout: 5000 });
    await page.screenshot({ path: join(ARTIFACTS, 'after-wrong-submit.png') });
  });

  await check('a custom input is validated before sending and its result is shown', async () => {
    await typeCode(right);
    await page.click('[data-testid="tab-testcases"]');
    await page.click('[data-testid="add-case"]');
    const sig = await apiSignature();
    const first = sig.params[0];
    const field = page.locator(`[data-testid="custom-0-${first.name}"]`);
    const good = await field.inputValue();
    await field.fill('[1, "x"');
    await page.locator('.field-error').first().waitFor({ timeout: 5000 });
    await page.click('[data-testid="run"]');
    // Invalid input: nothing is sent, the tab stays on the test cases with a message.
    await page.locator('[data-testid="testcases"] ~ *, [data-testid="output-error"]').first().waitFor({ timeout: 5000 });
    assert(await page.locator('[data-testid="testcases"]').isVisible(), 'the testcase tab should stay open');
    await field.fill(good);
    assert((await page.locator('.field-error').count()) === 0, 'valid input still flagged');
    await page.click('[data-testid="run"]');
    await waitVerdict();
    const tab = await page.locator('[data-testid="case-tab-0"]').innerText();
    assert(/custom/i.test(tab), `expected a custom case result, got ${tab}`);
    assert((await page.locator('[data-testid="case-detail"]').innerText()).includes(first.name), 'custom input not shown');
    // Remove the custom case so later runs use the examples again.
    await page.click('[data-testid="tab-testcases"]');
    await page.locator('[data-testid="custom-case-0"] button.link').click();
  });

  await check('a compile error shows its message and marks the line in Monaco', async () => {
    await selectLanguage('java');
    const broken = `class Solution {\n    public int[] ${(await apiSignature()).function_names?.java ?? (await apiSignature()).function_name}(int[] nums, int target) {\n        int x = ;\n        return null;\n    }\n}\n`;
    await typeCode(broken);
    await page.click('[data-testid="run"]');
    const verdict = await waitVerdict();
    assert(/compil/i.test(verdict), `expected Compile Error, got "${verdict}"`);
    const msg = await page.locator('[data-testid="compile-error"]').innerText();
    assert(msg.length > 0, 'no compile message');
    await page.locator('.monaco-editor .error-line').first().waitFor({ timeout: 5000 });
    await page.click('[data-testid="theme-toggle"]');
    await page.screenshot({ path: join(ARTIFACTS, 'compile-error-dark.png') });
    await page.click('[data-testid="theme-toggle"]');
    await selectLanguage('python');
  });

  for (const [language, ext, signatureStart] of [
    ['javascript', 'js', 'var '],
    ['typescript', 'ts', 'function '],
    ['go', 'go', 'func '],
    ['rust', 'rs', 'impl Solution'],
    ['csharp', 'cs', 'public class Solution'],
  ]) {
    await check(`${language}: Monaco's ${language} mode and starter code, then Run and Submit are accepted`, async () => {
      const reference = readTextIf(join(problemsDirSolutions, `reference.${ext}`));
      assert(reference, `no reference.${ext} for ${SLUG}`);
      await selectLanguage(language);
      const starter = await editorValue();
      assert(starter && starter.includes(signatureStart), `${language} starter not loaded: ${starter}`);
      const mode = await page.evaluate(() => window.__coderoomEditor?.languageId() ?? null);
      assert(mode === language, `Monaco mode is ${mode}, not ${language}`);
      await typeCode(reference);
      await page.click('[data-testid="run"]');
      const run = await waitVerdict();
      assert(/accepted/i.test(run), `${language} reference Run should be accepted, got "${run}"`);
      await page.click('[data-testid="submit"]');
      const submit = await waitVerdict();
      assert(/accepted/i.test(submit), `${language} reference Submit should be accepted, got "${submit}"`);
      await page.screenshot({ path: join(ARTIFACTS, `after-submit-${language}.png`) });
    });
  }
  await selectLanguage('python');

  await check('rate limit and lost connection give clear messages (simulated in the browser)', async () => {
    // Simulated with request interception so the real limiter is not spent; the real 429 path is unit tested.
    await page.route('**/api/coding/submit', (route) => route.abort('internetdisconnected'));
    // As a candidate would: in the editor (the language selector just had the focus), once Submit is available.
    await page.waitForSelector('[data-testid="submit"]:not([disabled])', { timeout: 10000 });
    await page.click('.monaco-editor .view-lines');
    await page.keyboard.press('ControlOrMeta+Shift+Enter');
    await page.waitForFunction(() => /Lost connection/.test(document.querySelector('[data-testid="output-error"]')?.textContent ?? ''), null, { timeout: 10000 });
    await page.unroute('**/api/coding/submit');
    await page.route('**/api/coding/run', (route) =>
      route.fulfill({ status: 429, headers: { 'Retry-After': '23', 'Content-Type': 'application/problem+json' }, body: JSON.stringify({ title: 'Too Many Requests', status: 429 }) }),
    );
    await page.click('[data-testid="run"]');
    await page.waitForFunction(() => /Too many runs/.test(document.querySelector('[data-testid="output-error"]')?.textContent ?? ''), null, { timeout: 10000 });
    const msg = await page.locator('[data-testid="output-error"]').innerText();
    assert(/Too many runs, try again in 2\d s/.test(msg), `rate limit message: ${msg}`);
    assert(await page.locator('[data-testid="run"]').isDisabled(), 'Run should wait for Retry-After');
    await page.screenshot({ path: join(ARTIFACTS, 'rate-limited.png') });
    await page.unroute('**/api/coding/run');
  });

  await check('no hidden test data appears in any network response', async () => {
    const { source, tests } = await hiddenTests();
    assert(tests.length > 0, `could not read the hidden tests (looked in ${PROBLEMS_DIR}/${SLUG}/tests/hidden.json and the admin API)`);
    const publicText = readJsonIf(join(PROBLEMS_DIR, SLUG, 'tests', 'public.json'))
      ? JSON.stringify(readJsonIf(join(PROBLEMS_DIR, SLUG, 'tests', 'public.json')))
      : bodies
          .filter((b) => new URL(b.url).pathname === `/api/problems/${SLUG}`)
          .map((b) => {
            // Only what is public by definition: the examples and the statement (not the whole answer, which may leak).
            const p = JSON.parse(b.body);
            return JSON.stringify(p.examples ?? []) + p.statement_md + p.constraints_md;
          })
          .join('\n');
    const needles = needlesOf(tests, publicText);
    assert(needles.length > 0, `no distinctive hidden values in ${tests.length} hidden tests (${source})`);
    const apiBodies = bodies.filter((b) => b.url.includes('/api/'));
    assert(apiBodies.length > 5, `too few API responses recorded (${apiBodies.length})`);
    const leaks = [];
    for (const b of bodies) {
      const hay = b.body + '\n' + compactAll(b.body);
      for (const n of needles) {
        // A bare number counts only as a whole number (not a digit run inside a runtime or an id).
        const hit = /^-?\d+(\.\d+)?$/.test(n)
          ? new RegExp(`(?<![\\d.])${n.replace(/[.-]/g, '\\$&')}(?![\\d.])`).test(hay)
          : hay.includes(n);
        if (hit) leaks.push(`${b.url}: ${n.slice(0, 60)}`);
      }
    }
    assert(leaks.length === 0, `hidden data leaked:\n${leaks.slice(0, 5).join('\n')}`);
    console.log(`     checked ${needles.length} hidden values (${source}) against ${bodies.length} responses`);
  });

  await check('no request leaves for another origin', async () => {
    const foreign = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== ORIGIN);
    assert(requests.length > 10, 'too few requests recorded');
    assert(foreign.length === 0, `requests to other origins:\n${[...new Set(foreign)].slice(0, 10).join('\n')}`);
  });

  await check('no uncaught errors in the page', async () => {
    assert(pageErrors.length === 0, pageErrors.join('\n'));
  });

  await context.close();
}

await runAll('e2e', main, { profileOf: () => profile, screenshots: ARTIFACTS });
