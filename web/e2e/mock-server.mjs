// Dev-only mock of the service's HTTP API (issue 4) plus a static server for out/, for working on the page while the
// real service is being built. It does not run code: a "judge" looks at the text. The committed e2e test targets the
// real service (CODEROOM_URL); this mock lets `CODEROOM_URL=http://127.0.0.1:8090 npm run e2e` exercise the page.
//   node e2e/mock-server.mjs [port]    (PORT env also works; default 8090)
// Fake judge: code containing "syntax error" fails to compile on that line; "wrong" gives wrong answers; the untouched
// starter (a bare `pass`) returns null; "raise"/"throw" is a runtime error; anything else is accepted. Submissions
// answer `queued` and finish on the first status poll after 600 ms, to exercise polling.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../out/', import.meta.url));
const port = Number(process.argv[2] ?? process.env.PORT ?? 8090);
const RATE = Number(process.env.MOCK_RATE_LIMIT ?? 30);

export const problems = {
  'two-sum': {
    slug: 'two-sum',
    title: 'Two Sum',
    difficulty: 'easy',
    topics: ['array', 'hash map'],
    statement_md:
      'Given an array of integers `nums` and an integer `target`, return *indices of the two numbers* such that they add up to `target`.\n\nEach input has exactly one solution, $O(n)$ time is possible: $$\\sum_{i} x_i$$\n\n```python\n# example\nnums = [2, 7, 11, 15]\n```\n\n**Example 1:**\n\n```\nInput: nums = [2,7,11,15], target = 9\nOutput: [0,1]\n```\n',
    constraints_md: '- $2 \\le n \\le 10^4$\n- $-10^9 \\le nums[i] \\le 10^9$\n- Only one valid answer exists.',
    signature: { function_name: 'twoSum', function_names: { python: 'two_sum' }, params: [{ name: 'nums', type: 'integer[]' }, { name: 'target', type: 'integer' }], return_type: 'integer[]', output_param: null },
    starters: {
      python: 'class Solution:\n    def two_sum(self, nums: List[int], target: int) -> List[int]:\n        pass\n',
      java: 'class Solution {\n    public int[] twoSum(int[] nums, int target) {\n        \n    }\n}\n',
      cpp: 'class Solution {\npublic:\n    vector<int> twoSum(vector<int>& nums, int target) {\n        \n    }\n};\n',
    },
    has_reference: true,
    public: [
      { input: { nums: [2, 7, 11, 15], target: 9 }, expected: [0, 1], category: 'example' },
      { input: { nums: [3, 2, 4], target: 6 }, expected: [1, 2], category: 'example' },
      { input: { nums: Array.from({ length: 120 }, (_, i) => i * 3 + 1000).concat([5, 6]), target: 11 }, expected: [120, 121], category: 'long' },
    ],
    hidden: [
      { input: { nums: [918273645, 5, 81726354], target: 999999999 }, expected: [0, 2], category: 'large values' },
      { input: { nums: [-77123, 12, 77135], target: 58 }, expected: [0, 2], category: 'negatives' },
    ],
  },
};

const state = { attempts: new Map(), drafts: new Map(), runs: new Map(), hits: new Map() };

function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}
const problem = (res, status, title, detail, errors) => json(res, status, { type: 'about:blank', title, status, detail, errors });

function userOf(req) {
  const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  if (!m) return null;
  try {
    return JSON.parse(Buffer.from(m[1].split('.')[1], 'base64url').toString()).sub ?? null;
  } catch {
    return null;
  }
}

async function body(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const text = Buffer.concat(chunks).toString();
  return text ? JSON.parse(text) : {};
}

function judge(p, code, tests) {
  const lines = code.split('\n');
  const se = lines.findIndex((l) => l.includes('syntax error'));
  if (se >= 0) return { compile: { ok: false, output: `Line ${se + 1}: SyntaxError: invalid syntax`, error_line: se + 1 }, results: [] };
  const je = lines.findIndex((l) => l.includes('= ;'));
  if (je >= 0) return { compile: { ok: false, output: `Solution.java:${je + 1}: error: illegal start of expression\n1 error` }, results: [] };
  const rt = lines.findIndex((l) => /\b(raise|throw)\b/.test(l));
  const wrong = /wrong/i.test(code);
  const starter = /^\s*pass\s*$/m.test(code);
  const results = tests.map((t, i) => {
    if (rt >= 0) return { test_id: i, pass: false, verdict: 'runtime_error', actual: null, expected: t.expected, runtime_ms: 1, memory_kb: 9000, stdout: '', error: `Line ${rt + 1}: ValueError: boom`, error_line: rt + 1 };
    const actual = starter ? null : wrong ? [...t.expected].reverse().map((x) => x + 1) : t.expected;
    const pass = JSON.stringify(actual) === JSON.stringify(t.expected);
    return { test_id: i, pass, verdict: pass ? 'accepted' : 'wrong_answer', actual, expected: t.expected, runtime_ms: 2.5 + i, memory_kb: 14336, stdout: code.includes('print') ? `debug ${i}\n` : '', error: null };
  });
  return { compile: { ok: true }, results };
}

function summarize(results, compile) {
  if (compile && !compile.ok) return { passed: 0, total: results.length, status: 'compilation_error' };
  const passed = results.filter((r) => r.pass).length;
  const firstBad = results.findIndex((r) => !r.pass);
  const status = firstBad < 0 ? 'accepted' : results[firstBad].verdict ?? 'wrong_answer';
  return { passed, total: results.length, status, first_failing_test: firstBad < 0 ? null : firstBad };
}

function rateLimited(user, res) {
  const now = Date.now();
  const hits = (state.hits.get(user) ?? []).filter((t) => now - t < 60_000);
  if (hits.length >= RATE) {
    const retry = Math.ceil((60_000 - (now - hits[0])) / 1000);
    res.setHeader('Retry-After', String(retry));
    problem(res, 429, 'Too Many Requests', `Rate limit of ${RATE} runs per minute reached.`);
    return true;
  }
  hits.push(now);
  state.hits.set(user, hits);
  return false;
}

async function api(req, res, url) {
  const path = url.pathname;
  if (req.method === 'POST' && path === '/api/dev/token') {
    const b = await body(req);
    if (!b.user_id) return problem(res, 400, 'Validation failed', 'user_id is required', { user_id: ['required'] });
    const tok = ['e30', Buffer.from(JSON.stringify({ sub: b.user_id, role: b.role ?? 'candidate' })).toString('base64url'), 'mock'].join('.');
    return json(res, 200, { access_token: tok, token_type: 'Bearer', expires_in: 3600, user_id: b.user_id, role: b.role ?? 'candidate' });
  }
  const user = userOf(req);
  if (!user) return problem(res, 401, 'Unauthorized', 'A bearer token is required.');
  if (req.method === 'GET' && path === '/api/problems') {
    return json(res, 200, Object.values(problems).map(({ slug, title, difficulty, topics }) => ({ slug, title, difficulty, topics })));
  }
  const pm = /^\/api\/problems\/([^/]+)$/.exec(path);
  if (req.method === 'GET' && pm) {
    const p = problems[decodeURIComponent(pm[1])];
    if (!p) return problem(res, 404, 'Not Found', 'No such problem.');
    const { public: pub, hidden: _hidden, ...rest } = p;
    // MOCK_LEAK=1 leaks the hidden tests, to prove the e2e leak check catches it.
    return json(res, 200, { ...rest, examples: pub.slice(0, 2), ...(process.env.MOCK_LEAK ? { debug: _hidden } : {}) });
  }
  if (path.startsWith('/api/admin/') && !path.startsWith('/api/admin/problems/')) return adminApi(req, res, url);
  const am = /^\/api\/admin\/problems\/([^/]+)$/.exec(path);
  if (req.method === 'GET' && am) {
    const role = JSON.parse(Buffer.from(req.headers.authorization.split('.')[1], 'base64url').toString()).role;
    if (role !== 'admin') return problem(res, 403, 'Forbidden', 'Admins only.');
    const p = problems[decodeURIComponent(am[1])];
    if (!p) return problem(res, 404, 'Not Found', 'No such problem.');
    const { public: pub, hidden, ...rest } = p;
    return json(res, 200, { ...rest, tests: [...pub.map((t) => ({ ...t, visibility: 'public' })), ...hidden.map((t) => ({ ...t, visibility: 'hidden' }))] });
  }
  const atm = /^\/api\/attempts\/([^/]+)$/.exec(path);
  if (req.method === 'GET' && atm) {
    const a = state.attempts.get(atm[1]);
    return a && a.user === user ? json(res, 200, { attempt_id: atm[1], interview_id: a.interview_id }) : problem(res, 404, 'Not Found', 'No such attempt.');
  }
  if (req.method === 'POST' && path === '/api/attempts') {
    const b = await body(req);
    const id = randomUUID();
    state.attempts.set(id, { user, interview_id: b.interview_id });
    return json(res, 200, { attempt_id: id });
  }
  if (path === '/api/coding/drafts') {
    if (req.method === 'GET') {
      const k = [url.searchParams.get('attempt_id'), url.searchParams.get('problem_id'), url.searchParams.get('language')].join('|');
      const d = state.drafts.get(k);
      return d && d.user === user ? json(res, 200, d.draft) : problem(res, 404, 'Not Found', 'No draft.');
    }
    if (req.method === 'PUT') {
      const b = await body(req);
      const a = state.attempts.get(b.attempt_id);
      if (!a || a.user !== user) return problem(res, 404, 'Not Found', 'No such attempt.');
      state.drafts.set([b.attempt_id, b.problem_id, b.language].join('|'), { user, draft: { ...b, updated_at: new Date().toISOString() } });
      return json(res, 200, { ok: true });
    }
  }
  if (req.method === 'POST' && (path === '/api/coding/run' || path === '/api/coding/submit')) {
    const b = await body(req);
    const p = problems[b.problem_id];
    if (!p) return problem(res, 400, 'Validation failed', 'Unknown problem.', { problem_id: ['unknown problem'] });
    if (!['python', 'java', 'cpp', 'javascript', 'typescript'].includes(b.language)) return problem(res, 400, 'Validation failed', 'Unknown language.', { language: ['must be python, java, cpp, javascript or typescript'] });
    if (typeof b.code !== 'string' || b.code.length > 50_000) return problem(res, 400, 'Validation failed', 'Code is required (50 KB max).', { code: ['too long'] });
    if (rateLimited(user, res)) return;
    if (path.endsWith('/run')) {
      const custom = (b.custom_inputs ?? []).map((input) => ({ input, expected: [0, 1] }));
      // Like the service: custom inputs replace the public tests for this run.
      const tests = custom.length ? custom : p.public.slice(0, 3);
      const j = judge(p, b.code, tests);
      const results = j.results.map((r, i) => ({ ...r, test_id: custom.length ? `custom-${i}` : String(i), input: tests[i].input }));
      const id = randomUUID();
      const out = { id, mode: 'run', run_id: id, status: 'finished', results, compile_output: j.compile.ok ? null : j.compile.output, summary: summarize(results, j.compile) };
      state.runs.set(id, { user, out });
      return json(res, 200, out);
    }
    const tests = [...p.public, ...p.hidden];
    const j = judge(p, b.code, tests);
    const s = summarize(j.results, j.compile);
    if (s.first_failing_test != null) s.first_failing_category = tests[s.first_failing_test].category ?? null;
    const id = randomUUID();
    state.runs.set(id, { user, ready: Date.now() + 600, out: { id, mode: 'submit', submission_id: id, status: 'finished', compile_output: j.compile.ok ? null : j.compile.output, summary: s } });
    return json(res, 202, { id, mode: 'submit', submission_id: id, status: 'queued' });
  }
  if (req.method === 'GET' && path === '/api/coding/status') {
    const r = state.runs.get(url.searchParams.get('id') ?? '');
    if (!r || r.user !== user) return problem(res, 404, 'Not Found', 'No such run.');
    if (r.ready && Date.now() < r.ready) return json(res, 200, { id: url.searchParams.get('id'), status: 'running' });
    return json(res, 200, { id: url.searchParams.get('id'), ...r.out });
  }
  return problem(res, 404, 'Not Found', 'No such endpoint.');
}

// ---- Admin dashboard API (issue 13), dev only: the unit tests' fixtures plus a synthetic timeline around now. ----
const fixture = async (name) => JSON.parse(await readFile(new URL(`../tests/fixtures/admin/${name}.json`, import.meta.url), 'utf8'));
async function adminApi(req, res, url) {
  const auth = req.headers.authorization ?? '';
  let role = null;
  try {
    role = JSON.parse(Buffer.from(auth.split('.')[1] ?? '', 'base64url').toString()).role ?? null;
  } catch {
    /* no token */
  }
  if (!auth) return problem(res, 401, 'Unauthorized');
  if (role !== 'admin') return problem(res, 403, 'Forbidden', 'Admins only.');
  const path = url.pathname;
  if (path === '/api/admin/stats/problems') return json(res, 200, await fixture('problems'));
  if (path === '/api/admin/stats/runtime') return json(res, 200, await fixture('runtime'));
  if (path === '/api/admin/stats/timeline') {
    const hour = url.searchParams.get('bucket') !== 'day';
    const step = hour ? 3_600_000 : 86_400_000;
    const end = Math.floor(Date.now() / step) * step;
    const items = Array.from({ length: hour ? 24 : 7 }, (_, i) => {
      const k = (i * 7919) % 13;
      const v = { accepted: 3 + k, wrong_answer: 1 + (k % 4), time_limit_exceeded: k % 3, runtime_error: k % 2, compilation_error: (k + 1) % 3 };
      const total = Object.values(v).reduce((a, b) => a + b, 0);
      return { bucket_start: new Date(end - (23 - i) * step).toISOString(), runs: Math.ceil(total * 0.6), submits: Math.floor(total * 0.4), verdicts: v, median_queue_wait_ms: 5 + k * 3.5 };
    });
    return json(res, 200, { items });
  }
  if (path === '/api/admin/live') {
    const live = await fixture('live');
    return json(res, 200, { ...live, queue_depth: Math.floor(Math.random() * 5), runners: live.runners.map((r) => ({ ...r, last_seen: r.alive ? new Date().toISOString() : r.last_seen })) });
  }
  if (path === '/api/admin/run-logs') {
    const page = await fixture('run-logs');
    const detail = await fixture('run-log-detail');
    const { compile_output: _c, internal_message: _i, tests: _t, code: _code, ...item } = detail;
    let items = [item, ...page.items];
    for (const k of ['problem_id', 'language', 'verdict', 'user_id', 'attempt_id']) {
      const v = url.searchParams.get(k);
      if (v) items = items.filter((x) => String(x[k]) === v);
    }
    return json(res, 200, { items, next_cursor: url.searchParams.get('cursor') ? null : page.next_cursor });
  }
  const dm = /^\/api\/admin\/run-logs\/([^/]+)$/.exec(path);
  if (dm) {
    const detail = await fixture('run-log-detail');
    const page = await fixture('run-logs');
    const item = page.items.find((x) => x.id === decodeURIComponent(dm[1]));
    return item ? json(res, 200, { ...detail, ...item, tests: detail.tests.slice(0, 1), compile_output: null }) : json(res, 200, detail);
  }
  return problem(res, 404, 'Not Found', 'No such endpoint.');
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.txt': 'text/plain', '.ico': 'image/x-icon' };

async function staticFile(res, pathname) {
  let p = normalize(join(root, decodeURIComponent(pathname)));
  if (!p.startsWith(root)) return problem(res, 404, 'Not Found');
  try {
    if ((await stat(p)).isDirectory()) p = join(p, 'index.html');
    const data = await readFile(p);
    res.writeHead(200, { 'Content-Type': TYPES[extname(p)] ?? 'application/octet-stream' });
    res.end(data);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  }
}

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  try {
    if (url.pathname.startsWith('/api/')) await api(req, res, url);
    else await staticFile(res, url.pathname);
  } catch (e) {
    problem(res, 400, 'Bad Request', 'Malformed request.');
  }
}).listen(port, '127.0.0.1', () => console.log(`mock CodeRoom on http://127.0.0.1:${port}`));
