// Rollup 4 with @rollup/plugin-node-resolve and nothing else (no commonjs,
// wasm or url plugin), from the CLI: an ES bundle run in Chromium. The
// package comes from its tarball.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assertObservations } from './support/expectations.mjs';
import { assertFewObservations } from './support/few.mjs';
import { chromiumMissing, launchChromium, servePage } from './support/chromium.mjs';
import { freshProject, pageHtml, run, tool } from './support/packed.mjs';

let browser;
before(async () => { if (!chromiumMissing) browser = await launchChromium(); });
after(async () => { await browser?.close(); });

async function rollup(entry) {
  const { dir } = freshProject('rollup', { files: { 'main.js': entry, 'index.html': { text: pageHtml('./dist/bundle.js') } } });
  const { stderr } = await run(tool('rollup'), ['main.js', '--file', 'dist/bundle.js', '--format', 'es', '--plugin', 'node-resolve'], { cwd: dir });
  // Rollup marks each warning with "(!)": an unresolved import, a dropped
  // `this`, an asset it cannot handle.
  assert.equal(stderr.includes('(!)'), false, stderr);
  const files = readdirSync(join(dir, 'dist')).map(String);
  assert.deepEqual(files, ['bundle.js'], 'one file: the wasm is inside it');
  return dir;
}

test('rollup + node-resolve: the bundle runs the package in Chromium', { skip: chromiumMissing }, async () => {
  await servePage(browser, await rollup('browser-main.js'), (page, server) => {
    assertObservations(page.seen, { baseUrl: `${server.url}/api`, requests: server.requests });
  });
});

test('rollup + node-resolve, two imports: tree-shaking keeps the instantiation', { skip: chromiumMissing }, async () => {
  const page = await servePage(browser, await rollup('browser-few.js'));
  assertFewObservations(page.seen);
});
