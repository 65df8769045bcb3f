'use strict';
// Node, CommonJS: `require("membrane-agent-session")`, no init call.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const pkg = require('membrane-agent-session');

test('require by name: SPEC behaviour, and fetch(r.url, r) reaches the server', async () => {
  // The shared checks are ES modules; a CommonJS consumer only needs require.
  const { runChecks } = await import('./support/page-checks.js');
  const { assertObservations } = await import('./support/expectations.mjs');
  const { startServer } = await import('./support/static-server.mjs');
  const server = await startServer();
  try {
    const baseUrl = `${server.url}/api`;
    assertObservations(await runChecks(pkg, { baseUrl }), { baseUrl, requests: server.requests });
  } finally {
    await server.close();
  }
});

test('require resolves the CommonJS entry, synchronously ready', () => {
  assert.match(require.resolve('membrane-agent-session'), /[/\\]index\.cjs$/);
  // Usable on the very next line after require: no promise to wait for.
  const result = pkg.validateCreateAgentSession({ prompt: 'now', modelId: 'openai/gpt-5-nano' });
  assert.deepEqual(result, { success: true, data: { prompt: 'now', modelId: 'openai/gpt-5-nano' } });
});

test('destructuring require works, as CommonJS users write it', () => {
  const { isModelId, AGENT_SESSION_STATES } = require('membrane-agent-session');
  assert.equal(isModelId('moonshotai/kimi-k2.5'), true);
  assert.deepEqual([...AGENT_SESSION_STATES], ['busy', 'idle']);
});
