// A browser with no bundler: a plain page whose <script type="module">
// imports the package's browser.js by name through an import map.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertObservations } from './support/expectations.mjs';
import { startServer } from './support/static-server.mjs';
import { chromiumMissing, launchChromium, observePage } from './support/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
// Where a user's server would find the installed package.
const packageDir = dirname(createRequire(import.meta.url).resolve('membrane-agent-session/package.json'));
const WASM_PATH = '/node_modules/membrane-agent-session/web/membrane_agent_session_bg.wasm';

let browser;
before(async () => { if (!chromiumMissing) browser = await launchChromium(); });
after(async () => { await browser?.close(); });

test('a plain <script type="module"> page runs the package in Chromium', { skip: chromiumMissing }, async () => {
  const server = await startServer({
    mounts: {
      '/': join(here, 'plain-page'),
      '/support/': join(here, 'support'),
      '/node_modules/membrane-agent-session/': packageDir,
    },
  });
  try {
    const page = await observePage(browser, `${server.url}/`);
    assert.equal(page.status, 'done', page.text);
    assert.deepEqual(page.problems, [], 'no console errors or warnings');
    assertObservations(page.seen, { baseUrl: `${server.url}/api`, requests: server.requests });

    // The wasm came from beside browser.js, as application/wasm (so it was
    // compiled while streaming), and the Node build was never touched.
    const wasm = page.responses.filter((r) => r.url.endsWith('.wasm'));
    assert.deepEqual(wasm.map((r) => [new URL(r.url).pathname, r.status, r.type]),
      [[WASM_PATH, 200, 'application/wasm']]);
    assert.equal(page.responses.some((r) => r.url.includes('/node/')), false);
  } finally {
    await server.close();
  }
});
