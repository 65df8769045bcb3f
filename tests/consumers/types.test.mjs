// TypeScript users: a `tsc --strict` compile of types/consumer.ts against the
// package's declarations, with moduleResolution "bundler" and "nodenext".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const types = join(here, 'types');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

function compile(project) {
  const run = spawnSync(process.execPath, [tsc, '-p', project, '--pretty', 'false'], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

test('tsc --strict accepts the consumer (moduleResolution bundler)', () => {
  const { status, output } = compile(join(types, 'tsconfig.json'));
  assert.equal(status, 0, output);
});

test('tsc --strict accepts the consumer (moduleResolution nodenext, ESM and CommonJS)', () => {
  const { status, output } = compile(join(types, 'tsconfig.nodenext.json'));
  assert.equal(status, 0, output);
});

// The control: without its @ts-expect-error lines the consumer must fail,
// exactly on the lines those comments guarded. This proves each of them
// marks a real type error (and that the compile above can fail at all).
test('each @ts-expect-error guards a real error', () => {
  // Inside node_modules (ignored by git) so that the package resolves by name.
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const work = mkdtempSync(join(cache, 'mas-types-'));
  try {
    const expected = [];
    const files = ['consumer.ts', 'consumer-require.cts'];
    for (const file of files) {
      const kept = [];
      for (const line of readFileSync(join(types, file), 'utf8').split('\n')) {
        if (/^\s*\/\/ @ts-expect-error/.test(line)) {
          expected.push(`${file}:${kept.length + 1}`); // the next kept line
        } else {
          kept.push(line);
        }
      }
      writeFileSync(join(work, file), kept.join('\n'));
    }
    assert.ok(expected.length >= 10, `the consumer has its must-fail lines (${expected.length})`);
    const config = JSON.parse(readFileSync(join(types, 'tsconfig.nodenext.json'), 'utf8')
      .replace(/^\s*\/\/.*$/gm, ''));
    writeFileSync(join(work, 'tsconfig.json'), JSON.stringify({ ...config, files }));

    const { status, output } = compile(join(work, 'tsconfig.json'));
    assert.notEqual(status, 0, 'the stripped consumer must not compile');
    const errorLines = new Set();
    for (const m of output.matchAll(/([\w.-]+)\((\d+),\d+\): error TS\d+/g)) errorLines.add(`${m[1]}:${m[2]}`);
    assert.deepEqual([...errorLines].sort(), [...expected].sort(), output);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
