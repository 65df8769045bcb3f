// The same package from a CommonJS TypeScript file (module: nodenext), which
// gets its declarations through the "require" types condition.
import membrane = require('membrane-agent-session');

const result: membrane.Result<membrane.CreateAgentSession> =
  membrane.validateCreateAgentSession({ prompt: 'from require' });
const ids: readonly membrane.ModelId[] = membrane.MODEL_IDS;
if (result.success) {
  const model: membrane.ModelId | undefined = result.data.modelId;
  void model;
}
// The interop exports come through require too, with their types.
const vendor: 'membrane-agent-session' = membrane.createAgentSessionSchema['~standard'].vendor;
const flat: membrane.FlattenedIssues = membrane.flattenIssues(result.success ? [] : result.issues);
const list = membrane.parseAgentSessionList('{"items":[]}');
const items: membrane.AgentSession[] = list.success ? list.data.items : [];
void [vendor, flat, items];
// @ts-expect-error not a model id
const bad: membrane.ModelId = 'openai/gpt-4';
void [ids, bad];
