// What SPEC.md ("Enumerations", "JavaScript API") promises, written out
// here so that the consumer tests do not take their expectations from the
// package they test. package.test.mjs checks this copy against SPEC.md
// itself (spec/SPEC.md, the repository's copy of the contract).

export const ENUMERATIONS = {
  WORKSPACE_ELEMENT_TYPES: [
    'customer', 'app', 'connector', 'integration', 'flow', 'flow-instance', 'flow-run', 'action',
    'package', 'action-instance', 'connection', 'field-mapping', 'field-mapping-instance',
    'data-source', 'data-source-instance', 'data-link-table', 'data-link-table-instance',
    'app-event-type', 'app-event-subscription', 'app-event-log-record', 'app-data-schema',
    'app-data-schema-instance', 'external-event-subscription', 'external-event-log-record',
    'external-event-pull', 'external-event-type', 'screen', 'action-run-log-record',
    'external-api-log-record', 'incoming-webhook-log-record', 'connected-product',
  ],
  MODEL_IDS: [
    'anthropic/claude-sonnet-4.6', 'anthropic/claude-opus-4.6', 'anthropic/claude-sonnet-4.5',
    'anthropic/claude-opus-4.5', 'anthropic/claude-haiku-4.5', 'openai/gpt-5.2', 'openai/gpt-5-nano',
    'google/gemini-3-pro-preview', 'moonshotai/kimi-k2.5',
  ],
  AGENT_NAMES: [
    'membrane', 'membrane-core', 'self-integrating', 'connection-building', 'action-building', 'universe',
  ],
  AGENT_SESSION_STATUSES: ['queued', 'starting', 'running', 'completed', 'failed', 'cancelled'],
  AGENT_SESSION_STATES: ['busy', 'idle'],
};

// The enumeration's name in SPEC's table, for each exported array.
export const SPEC_TABLE_NAMES = {
  WORKSPACE_ELEMENT_TYPES: 'WorkspaceElementType',
  MODEL_IDS: 'ModelId',
  AGENT_NAMES: 'AgentName',
  AGENT_SESSION_STATUSES: 'AgentSessionStatus',
  AGENT_SESSION_STATES: 'AgentSessionState',
};

// Everything the package root exports at run time, and nothing else: SPEC's
// "JavaScript API", "The session lifecycle" and "Interop" sections.
export const PUBLIC_NAMES = [
  ...Object.keys(ENUMERATIONS),
  'isWorkspaceElementType', 'isModelId', 'isAgentName', 'isAgentSessionStatus', 'isAgentSessionState',
  'isTimestamp', 'validateCreateAgentSession', 'buildCreateAgentSessionRequest', 'parseAgentSession',
  'toCurl',
  'buildGetAgentSessionRequest', 'buildListAgentSessionsRequest', 'buildSendAgentSessionMessageRequest',
  'buildInterruptAgentSessionRequest', 'parseAgentSessionList', 'parseInterruptAgentSessionResponse',
  'createAgentSessionSchema', 'agentSessionSchema', 'flattenIssues', 'formatIssues',
  'createAgentSessionJsonSchema', 'agentSessionJsonSchema',
].sort();

// Names of PUBLIC_NAMES whose implementation has not landed in the build yet
// (scripts/assemble-pkg.mjs marks them `required: false`). Each may be absent;
// every other name must be there, and nothing outside PUBLIC_NAMES may be.
// Empty this list as they land: the surface is then checked exactly.
export const PENDING_NAMES = [];

/** Asserts that `names` (what the package root exports) is SPEC's list. */
export function assertPublicNames(assert, names) {
  const extra = names.filter((n) => !PUBLIC_NAMES.includes(n));
  assert.deepEqual(extra, [], 'nothing beyond SPEC\'s list (no init, no internal helper)');
  const missing = PUBLIC_NAMES.filter((n) => !names.includes(n) && !PENDING_NAMES.includes(n));
  assert.deepEqual(missing, [], 'every name of SPEC\'s list that has landed');
}

export const DEFAULT_BASE_URL = 'https://api.getmembrane.com';
