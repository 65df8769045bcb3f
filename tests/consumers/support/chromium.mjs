// Debian's Chromium, driven by playwright-core (which never downloads a
// browser of its own). When it is absent the browser tests are skipped, with
// this reason, rather than passed.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { startServer } from './static-server.mjs';

export const CHROMIUM = '/usr/bin/chromium';

export const chromiumMissing = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} is absent (scripts/install-tools.sh installs Debian's chromium)`;

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Opens `url`, waits for the page to set body[data-status], and returns the
 * JSON it wrote into #observations, with the console errors and warnings,
 * uncaught exceptions and every response the page received.
 */
export async function observePage(browser, url) {
  const page = await browser.newPage();
  const problems = [];
  const responses = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('response', (r) => responses.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] ?? '' }));
  try {
    await page.goto(url);
    try {
      await page.waitForSelector('body[data-status]', { timeout: 20_000 });
    } catch (error) {
      throw new Error(`${url} never reported (${error.message})\n${problems.join('\n')}`);
    }
    const status = await page.getAttribute('body', 'data-status');
    const text = await page.textContent('#observations');
    return { status, text, seen: status === 'done' ? JSON.parse(text) : null, problems, responses };
  } finally {
    await page.close();
  }
}

/**
 * Serves `dir` on loopback, opens it in Chromium, checks that the page
 * finished with no console error or warning, and runs `check(page, server)`
 * while it is still served. Returns the page.
 */
export async function servePage(browser, dir, check = () => {}) {
  const server = await startServer({ mounts: { '/': dir } });
  try {
    const page = await observePage(browser, `${server.url}/`);
    assert.equal(page.status, 'done', `${page.text}\n${page.problems.join('\n')}`);
    assert.deepEqual(page.problems, [], 'no console errors or warnings');
    await check(page, server);
    return page;
  } finally {
    await server.close();
  }
}
