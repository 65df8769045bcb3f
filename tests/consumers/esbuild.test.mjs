// esbuild with nothing but its flags: `--bundle --format=esm` for the
// browser, `--platform=node`, a "type": "commonjs" app, and a CommonJS
// `require()` bundled for the browser. The package comes from its tarball.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assertObservations } from './support/expectations.mjs';
import { startServer } from './support/static-server.mjs';
import { chromiumMissing, launchChromium, servePage } from './support/chromium.mjs';
import { freshProject, pageHtml, readText, run, runNodeConsumer, tool } from './support/packed.mjs';

let browser;
before(async () => { if (!chromiumMissing) browser = await launchChromium(); });
after(async () => { await browser?.close(); });

async function esbuild(dir, ...flags) {
  const { stderr } = await run(tool('esbuild'), ['main.js', '--bundle', '--outfile=dist/bundle.js', ...flags], { cwd: dir });
  assert.equal(/warning|error/i.test(stderr.replace(/^\s*dist\/bundle\.js.*$/m, '')), false, stderr);
  assert.deepEqual(readdirSync(join(dir, 'dist')).map(String), ['bundle.js'], 'one file: the wasm is inside it');
  return readText(join(dir, 'dist', 'bundle.js'));
}

async function inChromium(dir) {
  const page = await servePage(browser, dir, (page, server) => {
    assertObservations(page.seen, { baseUrl: `${server.url}/api`, requests: server.requests });
  });
  return page.seen;
}

async function inNode(dir) {
  const server = await startServer();
  try {
    const baseUrl = `${server.url}/api`;
    const { seen } = await runNodeConsumer(join(dir, 'dist', 'bundle.js'), { cwd: dir, env: { MAS_BASE_URL: baseUrl } });
    assertObservations(seen, { baseUrl, requests: server.requests });
  } finally {
    await server.close();
  }
}

test('esbuild --bundle --format=esm: the bundle runs the package in Chromium', { skip: chromiumMissing }, async () => {
  const { dir } = freshProject('esbuild-esm', { files: { 'main.js': 'browser-main.js', 'index.html': { text: pageHtml('./dist/bundle.js') } } });
  await esbuild(dir, '--format=esm');
  await inChromium(dir);
});

test('esbuild --bundle --platform=node: the bundle runs in Node', async () => {
  const { dir } = freshProject('esbuild-node', { files: { 'main.js': 'node-main.js' } });
  await esbuild(dir, '--platform=node');
  await inNode(dir);
});

test('esbuild --bundle --platform=node, a "type": "commonjs" app that require()s the package', async () => {
  const { dir } = freshProject('esbuild-cjs', { packageJson: { type: 'commonjs' }, files: { 'main.js': 'require-node.js' } });
  // Node parses the bundle before it runs it: an `await` outside an async
  // function (what a top-level await in the package became) fails here.
  await esbuild(dir, '--platform=node');
  await inNode(dir);
});

test('require() in a browser bundle (esbuild) gives the functions, not a Promise', { skip: chromiumMissing }, async () => {
  const { dir } = freshProject('esbuild-require', {
    files: { 'main.js': 'require-browser.js', 'index.html': { text: pageHtml('./dist/bundle.js', { module: false }) } },
  });
  await esbuild(dir);
  const seen = await inChromium(dir);
  assert.deepEqual(seen.requireKind, { isPromise: false, type: 'function' });
});
