// The packed tarball under the two linters users and registries trust:
// publint --strict (package.json, exports, files) and @arethetypeswrong/cli
// (the types each resolution mode sees match the JavaScript it loads). Each
// has a control: a known-bad variant of the same package must be reported,
// so a linter that checked nothing could not pass here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshProject, packedTarball, run, tool } from './support/packed.mjs';

const tarballBytes = () => {
  const bytes = readFileSync(packedTarball().file);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
};

async function publintMessages(options) {
  const { publint } = await import('publint');
  const { formatMessage } = await import('publint/utils');
  const { messages, pkg } = await publint({ strict: true, level: 'suggestion', ...options });
  return messages.map((m) => `${m.type} ${m.code}: ${formatMessage(m, pkg)}`);
}

test('publint --strict: nothing to report on the packed tarball', async () => {
  assert.deepEqual(await publintMessages({ pack: { tarball: tarballBytes() } }), []);
});

test('publint --strict, control: ESM types for the require entry are reported', async () => {
  const { installed } = freshProject('publint-control');
  const manifestFile = join(installed, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  manifest.exports['.'].require.types = './index.d.ts';
  writeFileSync(manifestFile, JSON.stringify(manifest));
  const messages = await publintMessages({ pkgDir: installed, pack: false });
  assert.ok(messages.some((m) => m.includes('EXPORTS_TYPES_INVALID_FORMAT')), messages.join('\n'));
});

// The CLI, as a user runs it: `attw <tarball>`; exit 0 means no problem in
// any resolution mode (node10, node16 from CJS and from ESM, bundler).
test('attw: no problem in any resolution mode of the packed tarball', async () => {
  const { stdout } = await run(tool('attw'), [packedTarball().file, '--format', 'json'], { timeout: 120_000 });
  const report = JSON.parse(stdout);
  assert.deepEqual(report.problems ?? {}, {});
  const entry = report.analysis.entrypoints['.'].resolutions;
  assert.deepEqual(Object.keys(entry).sort(), ['bundler', 'node10', 'node16-cjs', 'node16-esm']);
  assert.match(entry['node16-cjs'].resolution.fileName, /index\.d\.cts$/);
  assert.match(entry['node16-esm'].resolution.fileName, /index\.d\.ts$/);
});

test('attw, control: CommonJS types given to the ESM entry are reported', async () => {
  const { createPackageFromTarballData, checkPackage, Package } = await import('@arethetypeswrong/core');
  const good = createPackageFromTarballData(new Uint8Array(tarballBytes()));
  const files = {};
  for (const name of good.listFiles()) files[name] = good.readFile(name);
  const manifestName = Object.keys(files).find((f) => f.endsWith('/package.json'));
  const manifest = JSON.parse(files[manifestName]);
  manifest.exports['.'].import.types = './index.d.cts';
  files[manifestName] = JSON.stringify(manifest);
  const bad = new Package(files, good.packageName, good.packageVersion);
  const analysis = await checkPackage(bad);
  assert.ok(analysis.problems.length > 0, 'a wrong types condition must be found');
  assert.deepEqual((await checkPackage(good)).problems, [], 'the real package has none (same check, in process)');
});
