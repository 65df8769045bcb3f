// Node, ES modules: `import … from "membrane-agent-session"`, no init call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as pkg from 'membrane-agent-session';
import { MODEL_IDS, validateCreateAgentSession } from 'membrane-agent-session';
import { runChecks } from './support/page-checks.js';
import { assertObservations } from './support/expectations.mjs';
import { startServer } from './support/static-server.mjs';

test('import by name: SPEC behaviour, and fetch(r.url, r) reaches the server', async () => {
  const server = await startServer();
  try {
    const baseUrl = `${server.url}/api`;
    assertObservations(await runChecks(pkg, { baseUrl }), { baseUrl, requests: server.requests });
  } finally {
    await server.close();
  }
});

test('named imports are the same bindings as the namespace', () => {
  assert.equal(MODEL_IDS, pkg.MODEL_IDS);
  assert.equal(validateCreateAgentSession, pkg.validateCreateAgentSession);
  assert.equal('default' in pkg, false, 'no default export to misuse');
});

test('Node resolves the ESM entry, and import and require share one instance', () => {
  assert.match(import.meta.resolve('membrane-agent-session'), /\/index\.js$/);
  const required = createRequire(import.meta.url)('membrane-agent-session');
  assert.match(createRequire(import.meta.url).resolve('membrane-agent-session'), /[/\\]index\.cjs$/);
  assert.equal(required.MODEL_IDS, pkg.MODEL_IDS, 'the same frozen array either way');
  assert.equal(required.parseAgentSession, pkg.parseAgentSession);
});

test('the arrays cannot be changed by a consumer', () => {
  assert.throws(() => pkg.AGENT_NAMES.push('intruder'), TypeError);
  assert.throws(() => { pkg.MODEL_IDS[0] = 'openai/gpt-4'; }, TypeError);
  assert.equal(pkg.MODEL_IDS[0], 'anthropic/claude-sonnet-4.6');
});
