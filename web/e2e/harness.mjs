// Shared by the browser tests (run.mjs, admin.mjs): the target service, the check/assert helpers with their
// `N passed, N failed` summary, direct API calls for setup, and Chromium with a fresh profile.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = dirname(fileURLToPath(import.meta.url));
export const BASE = (process.env.CODEROOM_URL ?? '').replace(/\/+$/, '');
if (!BASE) {
  console.error('Set CODEROOM_URL to the running service, e.g. CODEROOM_URL=http://127.0.0.1:8080 npm run e2e');
  console.log('0 passed, 1 failed');
  process.exit(2);
}
export const ORIGIN = new URL(BASE).origin;
export const ARTIFACTS = join(here, 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export const results = [];
export async function check(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.push({ name, ok: false, error: e });
    console.log(`FAIL ${name}: ${e?.message ?? e}`);
  }
}
export function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

/** A call to the service (setup only), answering {status, data} with data parsed as JSON when it is. */
export async function apiFetch(path, { token, method = 'GET', body } = {}) {
  const res = await fetch(BASE + path, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let data;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = text;
  }
  return { status: res.status, data };
}
/** A development token (POST /api/dev/token), or null when the service is not in development mode. */
export async function devToken(user_id, role) {
  const r = await apiFetch('/api/dev/token', { method: 'POST', body: { user_id, role } });
  return r.status === 200 ? (r.data.access_token ?? r.data.token) : null;
}

/** Debian's Chromium (no download) with a fresh, empty profile (launchPersistentContext takes --user-data-dir). */
export async function launchChromium(prefix) {
  const profile = mkdtempSync(join(tmpdir(), prefix));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: process.env.E2E_HEADFUL !== '1',
    viewport: { width: 1440, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { context, profile };
}

/** Runs the test body, removes the profile, prints the summary line and exits with the result. */
export async function runAll(name, main, { profileOf, screenshots }) {
  try {
    await main();
  } catch (e) {
    results.push({ name: `${name} harness`, ok: false, error: e });
    console.log(`FAIL ${name} harness: ${e?.stack ?? e}`);
  } finally {
    const profile = profileOf();
    if (profile) rmSync(profile, { recursive: true, force: true });
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`screenshots: ${screenshots}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
