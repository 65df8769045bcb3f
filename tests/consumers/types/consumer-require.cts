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
// @ts-expect-error not a model id
const bad: membrane.ModelId = 'openai/gpt-4';
void [ids, bad];
