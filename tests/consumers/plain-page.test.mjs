// A browser with no bundler: a plain page whose <script type="module">
// imports the installed package's index.js by name through an import map.
// The package comes from its tarball, served as installed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertObservations } from './support/expectations.mjs';
import { chromiumMissing, launchChromium, servePage } from './support/chromium.mjs';
import { freshProject } from './support/packed.mjs';

let browser;
before(async () => { if (!chromiumMissing) browser = await launchChromium(); });
after(async () => { await browser?.close(); });

const PACKAGE_PATH = '/node_modules/membrane-agent-session/';

test('a plain <script type="module"> page runs the package in Chromium', { skip: chromiumMissing }, async () => {
  const { dir } = freshProject('plain-page', { files: { 'index.html': 'plain-page.html' } });
  await servePage(browser, dir, (page, server) => {
    assertObservations(page.seen, { baseUrl: `${server.url}/api`, requests: server.requests });

    // The browser fetched the package's modules, all found, and no .wasm:
    // the bytes are inside membrane_agent_session.js.
    const fromPackage = page.responses.filter((r) => new URL(r.url).pathname.startsWith(PACKAGE_PATH));
    const names = fromPackage.map((r) => new URL(r.url).pathname.slice(PACKAGE_PATH.length)).sort();
    assert.ok(names.includes('index.js') && names.includes('membrane_agent_session.js'), names.join(', '));
    assert.deepEqual(fromPackage.filter((r) => r.status !== 200), []);
    assert.deepEqual(page.responses.filter((r) => r.url.endsWith('.wasm')), []);
  });
});
