// A module Web Worker in Chromium: `new Worker(url, { type: "module" })`,
// the worker imports the installed package (no bundler) and posts what it
// answered back to the page. The package comes from its tarball.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertObservations } from './support/expectations.mjs';
import { chromiumMissing, launchChromium, servePage } from './support/chromium.mjs';
import { freshProject } from './support/packed.mjs';

let browser;
before(async () => { if (!chromiumMissing) browser = await launchChromium(); });
after(async () => { await browser?.close(); });

test('a module Web Worker runs the package in Chromium', { skip: chromiumMissing }, async () => {
  const { dir } = freshProject('worker', { files: { 'index.html': 'worker.html', 'worker.js': 'worker.js' } });
  await servePage(browser, dir, (page, server) => {
    const { inWorker, ...seen } = page.seen;
    assert.equal(inWorker, true, 'the answers came from the worker');
    assertObservations(seen, { baseUrl: `${server.url}/api`, requests: server.requests });
    assert.deepEqual(page.responses.filter((r) => r.url.endsWith('.wasm')), []);
  });
});
