// Browser test of the editor's format, lint and live diagnostics (issue 15), in Debian's Chromium against the REAL
// service. Per language offered by the page: bad formatting fixed by Shift+Alt+F as one undoable edit; an undefined
// name and a type error each marked on the right line within a second of the paste; fixing them clears the markers.
// Every request that would leave the origin is intercepted (and fails the test); in-browser lint and format of a
// 200-line file are timed and printed. Screenshots: e2e/artifacts/editor-<language>.png. Last line: `N passed, N failed`.
import { join } from 'node:path';
import { ARTIFACTS, BASE, ORIGIN, assert, check, launchChromium, runAll } from './harness.mjs';

const SLUG = process.env.CODEROOM_SLUG ?? 'two-sum';
/** Within a second of the candidate's last keystroke (issue 15). */
const MARKER_DEADLINE_MS = Number(process.env.E2E_MARKER_DEADLINE_MS ?? 1000);

/**
 * One case per language: `ugly` (formats to text containing `formatted`), `bad` with an undefined name on line
 * `undefinedLine` and a type error on `typeLine`, and `good` with neither. Python's undefined name comes from ruff in
 * the browser and its type error from mypy on the server (a warning: Python runs the code anyway). Rust formats through the
 * server (rustfmt in the sandbox), the others in the browser. A language the editor had no formatter for would say so
 * with `noFormatter: true` and give no `ugly`/`formatted`: its format steps are skipped (printed), and Format must leave
 * its code exactly as it is (none today).
 */
/** Languages the judge has whose server check (POST /api/coding/check) is not built yet: issue 15 stays open for them. */
const NOT_YET = new Set([]);

const CASES = {
  python: {
    ugly: 'class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        seen={}\n        for i,x in enumerate(nums):\n            if target-x in seen: return [seen[target-x],i]\n            seen[x]=i\n        return []\n',
    formatted: '        seen = {}\n',
    bad: 'class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        a = missing_name + 1\n        b: int = nums[0].upper()\n        return [a, b]\n',
    undefinedLine: 3,
    typeLine: 4,
    typeSeverity: 'warning',
    good: 'class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        seen: Dict[int, int] = defaultdict(int)\n        heap: List[int] = []\n        heapq.heappush(heap, target)\n        return [len(seen), heap[0]]\n',
  },
  javascript: {
    ugly: 'var twoSum = function(nums, target) {\nconst seen = new Map();\n  for (let i=0;i<nums.length;i++){ if (seen.has(target-nums[i])) return [seen.get(target-nums[i]),i]; seen.set(nums[i],i) }\nreturn []\n};\n',
    formatted: '    for (let i = 0; i < nums.length; i++) {\n',
    bad: 'var twoSum = function(nums, target) {\n    const seen = new Map();\n    const a = missingName + 1;\n    const n = 5; n.push(1);\n    return [a];\n};\n',
    undefinedLine: 3,
    typeLine: 4,
    good: 'var twoSum = function(nums, target) {\n    const pq = new MinPriorityQueue();\n    pq.enqueue(target);\n    const head = new ListNode(1);\n    return [head.val, pq.size()];\n};\n',
  },
  typescript: {
    ugly: 'function twoSum(nums: number[], target: number): number[] {\nconst seen = new Map<number,number>();\n  for (let i=0;i<nums.length;i++){ if (seen.has(target-nums[i])) return [seen.get(target-nums[i])!,i]; seen.set(nums[i],i) }\nreturn []\n}\n',
    formatted: '    for (let i = 0; i < nums.length; i++) {\n',
    bad: 'function twoSum(nums: number[], target: number): number[] {\n    const seen = new Map<number, number>();\n    const a = missingName + 1;\n    const s: string = target;\n    return [a];\n}\n',
    undefinedLine: 3,
    typeLine: 4,
    good: 'function twoSum(nums: number[], target: number): number[] {\n    const pq = new PriorityQueue<number>((a, b) => a - b);\n    pq.enqueue(target);\n    const root: TreeNode | null = new TreeNode(1);\n    return [root ? root.val : 0, pq.size()];\n}\n',
  },
  java: {
    ugly: 'class Solution {\npublic int[] twoSum(int[] nums, int target) {\nMap<Integer,Integer> seen=new HashMap<>();\n  for(int i=0;i<nums.length;i++){if(seen.containsKey(target-nums[i]))return new int[]{seen.get(target-nums[i]),i};seen.put(nums[i],i);}\nreturn new int[0];\n}\n}\n',
    formatted: '        for (int i = 0; i < nums.length; i++) {\n',
    bad: 'class Solution {\n    public int[] twoSum(int[] nums, int target) {\n        int a = missingName + 1;\n        String s = target;\n        return new int[] {a};\n    }\n}\n',
    undefinedLine: 3,
    typeLine: 4,
    good: 'class Solution {\n    public int[] twoSum(int[] nums, int target) {\n        Map<Integer, Integer> seen = new HashMap<>();\n        return new int[] {seen.size(), target};\n    }\n}\n',
  },
  cpp: {
    ugly: 'class Solution {\npublic:\nvector<int> twoSum(vector<int>& nums, int target) {\nunordered_map<int,int> seen;\n  for(int i=0;i<(int)nums.size();i++){if(seen.count(target-nums[i]))return {seen[target-nums[i]],i};seen[nums[i]]=i;}\nreturn {};\n}\n};\n',
    formatted: '        for (int i = 0; i < (int)nums.size(); i++) {\n',
    bad: 'class Solution {\npublic:\n    vector<int> twoSum(vector<int>& nums, int target) {\n        int a = missingName + 1;\n        std::string s = target;\n        return {a};\n    }\n};\n',
    undefinedLine: 4,
    typeLine: 5,
    good: 'class Solution {\npublic:\n    vector<int> twoSum(vector<int>& nums, int target) {\n        unordered_map<int, int> seen;\n        return {(int)seen.size(), target};\n    }\n};\n',
  },
  go: {
    ugly: 'func twoSum(nums []int, target int) []int {\nseen:=map[int]int{}\n  for i,x:=range nums{\nif j,ok:=seen[target-x];ok{\nreturn []int{j,i}\n}\nseen[x]=i\n}\nreturn nil\n}\n',
    formatted: '\tfor i, x := range nums {\n',
    bad: 'func twoSum(nums []int, target int) []int {\n\tseen := map[int]int{}\n\ta := missingName + 1\n\tvar s string = target\n\treturn []int{a, len(seen), len(s)}\n}\n',
    undefinedLine: 3,
    typeLine: 4,
    // sort is imported by the judge, as LeetCode's Go does.
    good: 'func twoSum(nums []int, target int) []int {\n\tseen := map[int]int{}\n\tsort.Ints(nums)\n\treturn []int{len(seen), target}\n}\n',
  },
  rust: {
    // rustfmt on the server, in the sandbox (POST /api/coding/format): no WASM build of it exists.
    ugly: 'impl Solution {\npub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {\nlet mut seen=std::collections::HashMap::new();\n  for (i,x) in nums.iter().enumerate(){if let Some(&j)=seen.get(&(target-x)){return vec![j as i32,i as i32];}seen.insert(*x,i);}\nvec![]\n}\n}\n',
    formatted: '        for (i, x) in nums.iter().enumerate() {\n',
    bad: 'impl Solution {\n    pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {\n        let a = missing_name + 1;\n        let s: String = target;\n        vec![a]\n    }\n}\n',
    undefinedLine: 3,
    typeLine: 4,
    good: 'use std::collections::HashMap;\n\nimpl Solution {\n    pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {\n        let seen: HashMap<i32, usize> = HashMap::new();\n        vec![seen.len() as i32, target + nums.len() as i32]\n    }\n}\n',
  },
  csharp: {
    ugly: 'public class Solution {\npublic int[] TwoSum(int[] nums, int target) {\nvar seen=new Dictionary<int,int>();\n  for(int i=0;i<nums.Length;i++){if(seen.ContainsKey(target-nums[i]))return new int[]{seen[target-nums[i]],i};seen[nums[i]]=i;}\nreturn new int[0];\n}\n}\n',
    formatted: '        for (int i = 0; i < nums.Length; i++) {\n',
    bad: 'public class Solution {\n    public int[] TwoSum(int[] nums, int target) {\n        int a = missingName + 1;\n        string s = target;\n        return new int[] {a};\n    }\n}\n',
    undefinedLine: 3,
    typeLine: 4,
    // LeetCode's implicit usings (System.Collections.Generic, System.Linq) are the judge's.
    good: 'public class Solution {\n    public int[] TwoSum(int[] nums, int target) {\n        var seen = new Dictionary<int, int>();\n        return new int[] {seen.Count, nums.Max(), target};\n    }\n}\n',
  },
};

let profile = null;

async function main() {
  const launched = await launchChromium('coderoom-e2e-editor-');
  profile = launched.profile;
  const context = launched.context;
  const page = await context.newPage();

  // Nothing may leave the origin: such a request is aborted (so the page cannot depend on it) and recorded.
  const foreign = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === ORIGIN) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  const runCalls = [];
  const checkCalls = [];
  const formatCalls = [];
  context.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (/\/api\/coding\/(run|submit)$/.test(path)) runCalls.push(path);
    if (path === '/api/coding/check') checkCalls.push(path);
    if (path === '/api/coding/format') formatCalls.push(path);
  });

  const value = () => page.evaluate(() => window.__coderoomEditor?.getValue() ?? null);
  const markers = () => page.evaluate(() => (window.__coderoomEditor?.markers() ?? []).filter((m) => m.owner !== 'coderoom'));
  async function paste(code) {
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.evaluate((text) => {
      const target = document.activeElement ?? document.querySelector('.monaco-editor textarea');
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, code);
    await page.waitForFunction((c) => window.__coderoomEditor?.getValue() === c, code, { timeout: 5000 });
  }
  /** Polls the markers until `ok(markers)` holds; answers the time it took, or throws with what was there. */
  async function waitMarkers(ok, what, deadline = MARKER_DEADLINE_MS) {
    const t0 = Date.now();
    let last = [];
    while (Date.now() - t0 < Math.max(deadline, 1) + 4000) {
      last = await markers();
      if (ok(last)) {
        const ms = Date.now() - t0;
        assert(ms <= deadline, `${what} took ${ms} ms (more than ${deadline} ms): ${JSON.stringify(last)}`);
        return ms;
      }
      await page.waitForTimeout(20);
    }
    throw new Error(`${what}: not within ${deadline + 4000} ms; markers: ${JSON.stringify(last)}`);
  }

  await check('editor page opens signed in', async () => {
    await page.goto(`${BASE}/problem/?slug=${encodeURIComponent(SLUG)}`);
    await page.waitForSelector('[data-testid="signin"], [data-testid="statement"]', { timeout: 30000 });
    if (await page.locator('[data-testid="signin"]').count()) {
      await page.fill('[data-testid="signin-user"]', `e2e-editor-${Date.now()}`);
      await page.click('[data-testid="signin-submit"]');
    }
    await page.waitForSelector('.monaco-editor', { timeout: 60000 });
    await page.waitForFunction(() => !!window.__coderoomEditor, null, { timeout: 30000 });
  });

  const offered = await page.$$eval('[data-testid="language"] option', (os) => os.map((o) => o.value));
  for (const language of offered) {
    const c = CASES[language];
    if (!c && NOT_YET.has(language)) {
      // Neither passed nor failed: printed so the gap stays visible until the language's check and case land.
      console.log(`NOT YET [${language}] no live check or editor case yet (issue 15 is open for it)`);
      continue;
    }
    if (!c) {
      await check(`[${language}] has a browser test case`, async () => {
        throw new Error(`the page offers ${language}, but e2e/editor.mjs has no case for it: add one to CASES`);
      });
      continue;
    }
    await check(`[${language}] the editor switches to it`, async () => {
      await page.selectOption('[data-testid="language"]', language);
      await page.waitForFunction((l) => window.__coderoomEditor?.languageId() === l, language, { timeout: 30000 });
    });
    if (c.noFormatter) {
      console.log(`SKIP [${language}] format and unparseable-format steps: the editor has no formatter for ${language}`);
      await check(`[${language}] with no formatter, Format leaves the code exactly as it is`, async () => {
        await paste(c.good.replace(/\n {4}/g, '\n  '));
        const before = await value();
        await page.click('[data-testid="format"]');
        await page.waitForTimeout(500);
        assert((await value()) === before, 'Format changed code of a language without a formatter');
      });
    }
    if (!c.noFormatter) await check(`[${language}] Shift+Alt+F formats as one undoable edit`, async () => {
      await paste(c.ugly);
      await page.keyboard.press('Shift+Alt+F');
      await page.waitForFunction((f) => (window.__coderoomEditor?.getValue() ?? '').includes(f), c.formatted, { timeout: 15000 });
      await page.keyboard.press('ControlOrMeta+Z');
      await page.waitForFunction((u) => window.__coderoomEditor?.getValue() === u, c.ugly, { timeout: 5000 });
      // The Format button does the same.
      await page.click('[data-testid="format"]');
      await page.waitForFunction((f) => (window.__coderoomEditor?.getValue() ?? '').includes(f), c.formatted, { timeout: 15000 });
    });
    if (!c.noFormatter) await check(`[${language}] code that does not parse is left as it is, with a message`, async () => {
      const broken = c.bad.replace(/\n\}?;?\n$/, '\n').replace(/\)/, '');
      await paste(broken);
      await page.click('[data-testid="format"]');
      await page.waitForSelector('[data-testid="format-note"]', { timeout: 10000 });
      const note = await page.locator('[data-testid="format-note"]').innerText();
      assert(/does not parse/.test(note), `unexpected note: ${note}`);
      assert((await value()) === broken, 'the unparseable code was changed');
    });
    await check(`[${language}] an undefined name and a type error are marked on their lines within a second`, async () => {
      // Warm: the first check of a language may start its compile server.
      await paste(c.good);
      await waitMarkers((m) => !m.some((x) => x.severity === 'error'), 'warm-up check (no errors in the good code)', 20000);
      await page.waitForTimeout(500);
      const typeSeverity = c.typeSeverity ?? 'error';
      const both = (m) =>
        m.some((x) => x.severity === 'error' && x.line === c.undefinedLine) && m.some((x) => x.severity === typeSeverity && x.line === c.typeLine);
      // The right markers are required every time; the one-second bound gets a second try, since a machine shared
      // with other builds can stall any single request (the time of each try is printed).
      let ms;
      for (let attempt = 1; ; attempt++) {
        await paste(c.bad);
        try {
          ms = await waitMarkers(both, 'markers for the undefined name and the type error');
          break;
        } catch (e) {
          if (attempt === 2 || !/took \d+ ms/.test(e.message)) throw e;
          console.log(`     ${language}: ${e.message.split(':')[0]}; trying once more`);
          await paste(c.good);
          await waitMarkers((m) => !m.some((x) => x.severity === 'error'), 'markers cleared before the second try', 20000);
        }
      }
      console.log(`     ${language}: markers ${ms} ms after the paste`);
      const wrongLines = (await markers()).filter((x) => x.severity === 'error' && x.line !== c.undefinedLine && x.line !== c.typeLine);
      assert(wrongLines.length === 0, `errors on other lines: ${JSON.stringify(wrongLines)}`);
      await page.screenshot({ path: join(ARTIFACTS, `editor-${language}.png`) });
    });
    await check(`[${language}] fixing the code clears the markers`, async () => {
      await paste(c.good);
      await waitMarkers((m) => m.filter((x) => x.severity !== 'info').length === 0, 'markers cleared', MARKER_DEADLINE_MS + 1000);
    });
  }

  await check('in-browser lint and format of a 200-line file take under 50 ms (printed)', async () => {
    await page.selectOption('[data-testid="language"]', 'python');
    await page.waitForFunction(() => window.__coderoomEditor?.languageId() === 'python', null, { timeout: 30000 });
    const body = Array.from({ length: 49 }, (_, i) => `    def helper_${i}(self, nums: List[int]) -> int:\n        total=0\n        for x in nums: total+=x*${i}\n        return total\n`).join('');
    const file = `class Solution:\n${body}    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        return [0, 1]\n`;
    assert(file.split('\n').length >= 200, 'file shorter than 200 lines');
    const timings = [];
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => (window.__coderoomEditorTimings.lintMs = -1));
      await paste(file);
      await page.waitForFunction(() => window.__coderoomEditorTimings.lintMs >= 0, null, { timeout: 10000 });
      await page.keyboard.press('Shift+Alt+F');
      await page.waitForFunction(() => (window.__coderoomEditor?.getValue() ?? '').includes('        total = 0\n'), null, { timeout: 10000 })
        .catch(async (e) => {
          throw new Error(`${e.message}; editor holds:\n${(await value()).slice(0, 400)}`);
        });
      timings.push(await page.evaluate(() => ({ ...window.__coderoomEditorTimings })));
    }
    const warm = timings[timings.length - 1];
    console.log(`     python, ${file.split('\n').length} lines: lint ${warm.lintMs.toFixed(1)} ms, format ${warm.formatMs.toFixed(1)} ms (warm; first ${timings[0].lintMs.toFixed(1)} / ${timings[0].formatMs.toFixed(1)} ms)`);
    assert(warm.lintMs < 50 && warm.formatMs < 50, `too slow: ${JSON.stringify(warm)}`);
  });

  // The same bound for every language formatted in the browser (clang-format, Biome and gofmt in WebAssembly): a
  // 200-line file of small methods, formatted with the shortcut; the warm time of three is asserted.
  const LONG = {
    java: [(b) => `class Solution {\n${b}}\n`, (i) => `    int helper${i}(int[] nums){int total=0;\n        for(int x:nums) total+=x*${i};\n        return total;\n    }\n`, 'int total = 0;'],
    cpp: [(b) => `class Solution {\npublic:\n${b}};\n`, (i) => `    int helper${i}(vector<int>& nums){int total=0;\n        for(int x:nums) total+=x*${i};\n        return total;\n    }\n`, 'int total = 0;'],
    csharp: [(b) => `public class Solution {\n${b}}\n`, (i) => `    public int Helper${i}(int[] nums){int total=0;\n        foreach(var x in nums) total+=x*${i};\n        return total;\n    }\n`, 'int total = 0;'],
    javascript: [(b) => `var twoSum = function(nums, target) {\n${b}    return [];\n};\n`, (i) => `    const helper${i}=(a)=>{let total=0;\n        for(const x of a) total+=x*${i};\n        return total;\n    };\n`, 'let total = 0;'],
    typescript: [(b) => `function twoSum(nums: number[], target: number): number[] {\n${b}    return [];\n}\n`, (i) => `    const helper${i}=(a:number[]):number=>{let total=0;\n        for(const x of a) total+=x*${i};\n        return total;\n    };\n`, 'let total = 0;'],
    go: [(b) => b + 'func twoSum(nums []int, target int) []int {\n    return nil\n}\n', (i) => `func helper${i}(nums []int) int {\ntotal:=0\nfor _,x:=range nums { total+=x*${i} }\nreturn total\n}\n`, 'total := 0'],
  };
  await check('in-browser format of a 200-line file takes under 50 ms in every language formatted in the browser (printed)', async () => {
    const slow = [];
    for (const [language, [wrap, method, formattedMark]] of Object.entries(LONG)) {
      if (!offered.includes(language)) continue;
      await page.selectOption('[data-testid="language"]', language);
      await page.waitForFunction((l) => window.__coderoomEditor?.languageId() === l, language, { timeout: 30000 });
      const file = wrap(Array.from({ length: 50 }, (_, i) => method(i)).join(''));
      assert(file.split('\n').length >= 200, `${language}: file shorter than 200 lines`);
      const timings = [];
      for (let i = 0; i < 3; i++) {
        await paste(file);
        await page.evaluate(() => (window.__coderoomEditorTimings.formatMs = -1));
        await page.keyboard.press('Shift+Alt+F');
        await page.waitForFunction((m) => (window.__coderoomEditor?.getValue() ?? '').includes(m), formattedMark, { timeout: 15000 })
          .catch(async (e) => {
            throw new Error(`${language}: ${e.message}; editor holds:\n${(await value()).slice(0, 400)}`);
          });
        timings.push(await page.evaluate(() => window.__coderoomEditorTimings.formatMs));
      }
      console.log(`     ${language}, ${file.split('\n').length} lines: format ${timings[2].toFixed(1)} ms (warm; first ${timings[0].toFixed(1)} ms)`);
      if (!(timings[2] < 50)) slow.push(`${language} ${timings[2].toFixed(1)} ms`);
    }
    assert(slow.length === 0, `too slow: ${slow.join(', ')}`);
  });

  await check('checks never spent a run, and nothing left the origin', async () => {
    assert(runCalls.length === 0, `run/submit called ${runCalls.length} times`);
    assert(checkCalls.length > 0, 'no /api/coding/check call was made');
    // Rust formats on the server (its only formatter); every other language in the browser.
    if (offered.includes('rust')) assert(formatCalls.length > 0, 'Rust was formatted without /api/coding/format');
    assert(foreign.length === 0, `requests to other origins: ${foreign.join(', ')}`);
  });
  await check('the page threw no errors', async () => {
    assert(pageErrors.length === 0, pageErrors.join('\n'));
  });
  await context.close();
}

await runAll('editor', main, { profileOf: () => profile, screenshots: `${ARTIFACTS}/editor-*.png` });
