// @vitest-environment node
// The real WASM formatters and linter (as bundled with the page), loaded from node_modules with initSync.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initSync as initRuff, PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-web';
import { initSync as initClang } from '@wasm-fmt/clang-format/web';
import { initSync as initBiome } from '@wasm-fmt/biome_fmt/web';
import { beforeAll, describe, expect, it } from 'vitest';
import { clangFormatter, markClangReady } from '../src/editor/clang';
import { formatPython, lintPython, RUFF_SETTINGS, shortParseError, useRuffWorkspace } from '../src/editor/python';
import { biomeFormatter, HARNESS_DECLARATIONS, markBiomeReady } from '../src/editor/script';

const modules = join(__dirname, '..', 'node_modules');

beforeAll(() => {
  initRuff({ module: readFileSync(join(modules, '@astral-sh/ruff-wasm-web/ruff_wasm_bg.wasm')) });
  useRuffWorkspace(new Workspace(RUFF_SETTINGS, PositionEncoding.Utf16));
  initClang(readFileSync(join(modules, '@wasm-fmt/clang-format/clang-format.wasm')));
  markClangReady();
  initBiome(readFileSync(join(modules, '@wasm-fmt/biome_fmt/biome_fmt_bg.wasm')));
  markBiomeReady();
});

describe('Python (ruff)', () => {
  it('does not call the harness\'s implicit names undefined', async () => {
    const code = [
      'class Solution:',
      '    def f(self, head: Optional[ListNode], nums: List[int]) -> List[int]:',
      '        q = deque([1]); c = Counter(nums); heappush(nums, 1); i = bisect_left(nums, 2)',
      '        d = defaultdict(list); m = math.inf; r = reduce(lambda a, b: a + b, nums); l = lru_cache',
      '        return [len(q), len(c), i, len(d), int(m > 0), r, int(l is None), collections.Counter(nums)[1], heapq.nsmallest(1, nums)[0]]',
      '',
    ].join('\n');
    expect(await lintPython(code)).toEqual([]);
  });
  it('marks an undefined name as an error and an unused variable as a warning, on their lines', async () => {
    const d = await lintPython('class Solution:\n    def f(self):\n        x = 1\n        return missing\n');
    expect(d).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 4, column: 16, end_column: 23, severity: 'error' }),
        expect.objectContaining({ line: 3, severity: 'warning' }),
      ]),
    );
  });
  it('marks a syntax error', async () => {
    const d = await lintPython('def f(:\n    pass\n');
    expect(d[0]).toMatchObject({ line: 1, severity: 'error' });
    expect(d[0].message).toMatch(/^SyntaxError/);
  });
  it('formats, and leaves code that does not parse as it is with the line', async () => {
    expect(await formatPython('x=[1,2 ,3]\n')).toEqual({ ok: true, code: 'x = [1, 2, 3]\n' });
    const broken = await formatPython('x = 1\ndef f(:\n');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.message).toMatch(/does not parse \(line 2: /);
    expect(shortParseError('Expected x at byte range 6..7', 'ab\ncdefg')).toBe('line 2: Expected x');
  });
});

describe('C++ and Java (clang-format)', () => {
  it('formats LeetCode code with public: at the class column', async () => {
    const cpp = await clangFormatter('main.cpp')('class Solution {\npublic:\nint f(int a){return a+1;}\n};\n');
    expect(cpp).toEqual({ ok: true, code: 'class Solution {\npublic:\n    int f(int a) {\n        return a + 1;\n    }\n};\n' });
    const java = await clangFormatter('main.java')('class Solution {\npublic int f(int a){return a+1;}\n}\n');
    expect(java.ok && java.code).toContain('    public int f(int a) {\n        return a + 1;\n    }');
  });
  it('refuses code that does not parse', async () => {
    expect(await clangFormatter('main.cpp')('class S { int f( {\n')).toMatchObject({ ok: false });
  });
});

describe('JavaScript and TypeScript (Biome)', () => {
  it('formats with four spaces', async () => {
    expect(await biomeFormatter('solution.ts')('function f(a:number):number{return a+1}\n')).toEqual({
      ok: true,
      code: 'function f(a: number): number {\n    return a + 1;\n}\n',
    });
  });
  it('gives Monaco the same declarations the judge compiles TypeScript against', () => {
    const source = readFileSync(join(__dirname, '..', '..', 'src/CodeRoom.Judge/Languages/TypeScript/TypeScriptToolchain.cs'), 'utf8');
    // The C# string literals, concatenated: every `declare class` the judge gives tsc.
    const text = [...source.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).join('').replace(/\\n/g, '\n');
    const judge = [...text.matchAll(/declare class[^\n]*/g)].map((m) => m[0].trim());
    expect(judge.length).toBe(7);
    expect(HARNESS_DECLARATIONS.split('\n')).toEqual(judge);
  });
});
