// The checks every consumer runs: Node ESM, Node CJS, a Vite bundle and a
// plain module page all hand the package they imported to `runChecks` and
// report what it answered. The test asserts on that answer (expectations.mjs),
// so the four ways in are held to the same behaviour.
//
// Plain JavaScript with no imports: it must run unbundled in a browser.

export const TOKEN = 'tok_consumer-Test.123';

export const SAMPLE_REQUEST = {
  prompt: 'Build a connection to HubSpot and sync contacts',
  workspaceElementType: 'connection',
  workspaceElementId: 'conn_123',
  testCustomerId: 'customer-1',
  isExternal: false,
  modelId: 'anthropic/claude-sonnet-4.6',
  agentName: 'connection-building',
  promptAttachments: [{ title: 'field list', data: { fields: ['email', 'name'], limit: null } }],
};

// Five problems at once: an unknown key near `prompt` (so `prompt` is also
// missing), a model id in the wrong case, a non-boolean, an empty title.
export const BROKEN_REQUEST = {
  promt: 'typo for prompt',
  modelId: 'Anthropic/claude-opus-4.6',
  isExternal: 'yes',
  promptAttachments: [{ title: 'fine', data: 1 }, { title: '', data: null }],
};

// What the stub server answers: valid per SPEC, with seconds left out of
// one timestamp, no `state` (so `busy` by default) and a key SPEC does not
// know (tolerated, dropped).
export const SAMPLE_SESSION = {
  id: 'as_1',
  workspaceId: 'ws_1',
  workspaceElementId: 'conn_123',
  type: 'agent-session',
  status: 'queued',
  prompt: 'Build a connection to HubSpot and sync contacts',
  lastActivityAt: '2026-01-02T03:04Z',
  hasWorker: false,
  createdAt: '2026-01-02T03:04:05.123Z',
  updatedAt: '2026-01-02T03:04:05Z',
  serverOnlyField: 'dropped by the parser',
};

export const TIMESTAMP_PROBES = [
  '2024-02-29T10:00Z', // leap day, no seconds
  '2023-02-29T10:00:00Z', // not a leap year
  '2024-01-01T00:00:00.5Z\n', // trailing newline
  '2024-01-01T00:00:00+00:00', // offsets are not allowed
  '\u0662\u0660\u0662\u0664-01-01T00:00Z', // Arabic-Indic digits are not \d
  '2000-02-29T23:59:59.999999Z', // divisible by 400
];

function copyArray(value) {
  return Array.isArray(value) ? Array.from(value) : { notAnArray: String(value) };
}

export async function runChecks(pkg, { baseUrl }) {
  const seen = {};
  seen.exportNames = Object.keys(pkg).sort();
  seen.arrays = {};
  seen.frozen = {};
  for (const name of ['WORKSPACE_ELEMENT_TYPES', 'MODEL_IDS', 'AGENT_NAMES', 'AGENT_SESSION_STATUSES', 'AGENT_SESSION_STATES']) {
    seen.arrays[name] = copyArray(pkg[name]);
    seen.frozen[name] = Object.isFrozen(pkg[name]);
  }
  seen.guards = {
    isModelId: [pkg.isModelId('anthropic/claude-opus-4.6'), pkg.isModelId('Anthropic/claude-opus-4.6'), pkg.isModelId(42)],
    isWorkspaceElementType: [pkg.isWorkspaceElementType('external-event-type'), pkg.isWorkspaceElementType('customers')],
    isAgentName: [pkg.isAgentName('universe'), pkg.isAgentName(' universe')],
    isAgentSessionStatus: [pkg.isAgentSessionStatus('cancelled'), pkg.isAgentSessionStatus('canceled')],
    isAgentSessionState: [pkg.isAgentSessionState('idle'), pkg.isAgentSessionState(null)],
    isTimestamp: TIMESTAMP_PROBES.map((probe) => pkg.isTimestamp(probe)),
  };

  seen.valid = pkg.validateCreateAgentSession(SAMPLE_REQUEST);
  seen.invalid = pkg.validateCreateAgentSession(BROKEN_REQUEST);
  seen.notAnObject = pkg.validateCreateAgentSession('prompt: hi');

  seen.built = pkg.buildCreateAgentSessionRequest(SAMPLE_REQUEST, { token: TOKEN, baseUrl: baseUrl + '/' });
  seen.builtWithDefaultBaseUrl = pkg.buildCreateAgentSessionRequest({ prompt: 'x' }, { token: TOKEN });
  seen.badOptions = pkg.buildCreateAgentSessionRequest(
    { prompt: 'x' },
    { token: TOKEN + '\r\nX-Injected: 1', baseUrl: 'http://example.com' },
  );
  if (seen.built.success) {
    seen.curl = pkg.toCurl(seen.built.data);
    seen.curlRevealed = pkg.toCurl(seen.built.data, { revealToken: true });
    // SPEC: `fetch(r.url, r)` works as it is.
    const response = await fetch(seen.built.data.url, seen.built.data);
    const text = await response.text();
    seen.response = { status: response.status, parsed: pkg.parseAgentSession(text) };
  }

  seen.parsedObject = pkg.parseAgentSession(SAMPLE_SESSION);
  seen.parsedNotJson = pkg.parseAgentSession('{"id": "as_1"');
  seen.parsedBroken = pkg.parseAgentSession({ ...SAMPLE_SESSION, status: 'done', createdAt: '2026-01-02 03:04:05Z' });
  // After all of the above, the module still answers.
  seen.stillWorks = pkg.validateCreateAgentSession({ prompt: 'again' });
  return seen;
}
