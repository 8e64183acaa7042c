// `npm run e2e`: the IDE test (run.mjs), the admin dashboard test (admin.mjs), then the interview room (room.mjs), against the
// same service (CODEROOM_URL). Ends with the summed `N passed, N failed` line that ./coderoom test reads.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
let passed = 0;
let failed = 0;
for (const script of ['run.mjs', 'editor.mjs', 'admin.mjs', 'room.mjs']) {
  console.log(`--- e2e/${script}`);
  const last = await new Promise((resolve) => {
    let tail = '';
    const child = spawn(process.execPath, [join(here, script)], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      tail = (tail + d).slice(-4000);
    });
    child.on('close', (code) => resolve({ tail, code }));
  });
  const m = [...last.tail.matchAll(/^(\d+) passed, (\d+) failed$/gm)].pop();
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  if (!m || (last.code !== 0 && Number(m[2]) === 0)) failed += 1; // crashed without counting its failure
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
