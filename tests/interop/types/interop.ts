// A strict TypeScript consumer of the interop declarations, with the
// Standard Schema types of @standard-schema/spec 1.1.0 (what libraries that
// take "any Standard Schema" are typed against). Every `@ts-expect-error`
// line must really be an error: the test strips them and checks that tsc
// then fails on exactly those lines.
import type { StandardJSONSchemaV1, StandardSchemaV1 } from '@standard-schema/spec';
import {
  agentSessionJsonSchema,
  agentSessionSchema,
  createAgentSessionJsonSchema,
  createAgentSessionSchema,
  flattenIssues,
  formatIssues,
  validateCreateAgentSession,
} from 'membrane-agent-session';
import type { AgentSession, CreateAgentSession, Issue } from 'membrane-agent-session';

// Exact type equality: `any` equals nothing but `any`, so it cannot sneak in.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
function expectTrue<T extends true>(): T | void {}

// A generic function typed the way form and server libraries are.
function useRequestSchema<S extends StandardSchemaV1<unknown, CreateAgentSession>>(schema: S): S {
  return schema;
}
useRequestSchema(createAgentSessionSchema);
function useSessionSchema<S extends StandardSchemaV1<unknown, AgentSession>>(schema: S): S {
  return schema;
}
useSessionSchema(agentSessionSchema);
// @ts-expect-error the request schema's output is not an AgentSession
useSessionSchema(createAgentSessionSchema);
const asSpec: StandardSchemaV1<unknown, AgentSession> = agentSessionSchema;
const asJsonSpec: StandardJSONSchemaV1<unknown, CreateAgentSession> = createAgentSessionSchema;
void asSpec;
void asJsonSpec;

// What the libraries infer.
expectTrue<Equal<StandardSchemaV1.InferOutput<typeof createAgentSessionSchema>, CreateAgentSession>>();
expectTrue<Equal<StandardSchemaV1.InferInput<typeof createAgentSessionSchema>, unknown>>();
expectTrue<Equal<StandardSchemaV1.InferOutput<typeof agentSessionSchema>, AgentSession>>();
expectTrue<Equal<StandardSchemaV1.InferInput<typeof agentSessionSchema>, unknown>>();
expectTrue<Equal<typeof createAgentSessionSchema['~standard']['vendor'], 'membrane-agent-session'>>();
expectTrue<Equal<typeof createAgentSessionSchema['~standard']['version'], 1>>();

// validate is synchronous and its issues are ours (with codes).
const checked = createAgentSessionSchema['~standard'].validate({ prompt: 'x' });
// @ts-expect-error not a Promise
void checked.then;
if (checked.issues) {
  expectTrue<Equal<typeof checked.issues, readonly Issue[]>>();
  const codes: string[] = checked.issues.map((issue) => issue.code);
  void codes;
} else {
  const prompt: string = checked.value.prompt;
  void prompt;
}
// The JSON Schema converter of StandardJSONSchemaV1.
const converted: Record<string, unknown> = createAgentSessionSchema['~standard'].jsonSchema.input({ target: 'draft-2020-12' });
void converted;

// flattenIssues and formatIssues take the issues of a failed result.
const result = validateCreateAgentSession({ promt: 'x' });
if (!result.success) {
  const flat = flattenIssues(result.issues);
  expectTrue<Equal<typeof flat, { formErrors: string[]; fieldErrors: Record<string, string[]> }>>();
  const firstPromptError: string | undefined = flat.fieldErrors['prompt']?.[0];
  void firstPromptError;
  const text: string = formatIssues(result.issues);
  void text;
  // @ts-expect-error the result itself is not an issue list
  flattenIssues(result);
  // @ts-expect-error neither is one issue
  formatIssues(result.issues[0]);
}
// …and the issues of any other Standard Schema library.
declare const foreign: readonly StandardSchemaV1.Issue[];
flattenIssues(foreign);
formatIssues(foreign);
// @ts-expect-error an issue needs a message
flattenIssues([{ path: ['prompt'] }]);

// The JSON Schemas are read-only documents.
const dialect: 'https://json-schema.org/draft/2020-12/schema' = createAgentSessionJsonSchema.$schema;
void dialect;
const keywords: unknown = agentSessionJsonSchema['properties'];
void keywords;
// @ts-expect-error deep-frozen: not assignable
createAgentSessionJsonSchema.$schema = 'https://json-schema.org/draft/2020-12/schema';
