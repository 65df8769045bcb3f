// Parcel 2 with no configuration: `parcel build index.html`, the page and
// its bundle opened in Chromium. Parcel's cache stays in the temp project.
// The package comes from its tarball.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assertObservations } from './support/expectations.mjs';
import { chromiumMissing, launchChromium, servePage } from './support/chromium.mjs';
import { freshProject, pageHtml, run, tool } from './support/packed.mjs';

let browser;
before(async () => { if (!chromiumMissing) browser = await launchChromium(); });
after(async () => { await browser?.close(); });

test('parcel build: the app runs the package in Chromium', { skip: chromiumMissing }, async () => {
  const { dir } = freshProject('parcel', { files: { 'main.js': 'browser-main.js', 'index.html': { text: pageHtml('./main.js') } } });
  const { stdout, stderr } = await run(tool('parcel'), ['build', 'index.html'], { cwd: dir });
  assert.equal(/warn|⚠|error/i.test(stdout + stderr), false, `${stdout}\n${stderr}`);
  assert.ok(existsSync(join(dir, '.parcel-cache')), 'the cache is in the project');
  const dist = join(dir, 'dist');
  const files = readdirSync(dist).map(String);
  assert.deepEqual(files.filter((f) => f.endsWith('.wasm')), [], `no separate wasm: ${files.join(', ')}`);
  assert.equal(files.filter((f) => f.endsWith('.js')).length, 1, `one script: ${files.join(', ')}`);

  await servePage(browser, dist, (page, server) => {
    assertObservations(page.seen, { baseUrl: `${server.url}/api`, requests: server.requests });
  });
});
