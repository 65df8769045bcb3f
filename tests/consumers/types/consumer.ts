// A strict TypeScript consumer of the published types. It compiles only if
// the declarations are precise (no `any` where SPEC has a type), and every
// `@ts-expect-error` line must really be an error: an unused one fails tsc.
import {
  AGENT_NAMES,
  AGENT_SESSION_STATES,
  AGENT_SESSION_STATUSES,
  MODEL_IDS,
  WORKSPACE_ELEMENT_TYPES,
  buildCreateAgentSessionRequest,
  isAgentName,
  isAgentSessionState,
  isAgentSessionStatus,
  isModelId,
  isTimestamp,
  isWorkspaceElementType,
  parseAgentSession,
  toCurl,
  validateCreateAgentSession,
  buildGetAgentSessionRequest,
  buildListAgentSessionsRequest,
  buildSendAgentSessionMessageRequest,
  buildInterruptAgentSessionRequest,
  parseAgentSessionList,
  parseInterruptAgentSessionResponse,
  createAgentSessionSchema,
  agentSessionSchema,
  flattenIssues,
  formatIssues,
  createAgentSessionJsonSchema,
  agentSessionJsonSchema,
} from 'membrane-agent-session';
import type {
  AgentName,
  AgentSession,
  AgentSessionState,
  AgentSessionStatus,
  CreateAgentSession,
  ErrorData,
  HttpRequest,
  Issue,
  ModelId,
  PromptAttachment,
  Result,
  WorkspaceElementType,
  AgentSessionList,
  InterruptAgentSessionResponse,
  GetAgentSessionParams,
  StandardSchema,
  FlattenedIssues,
} from 'membrane-agent-session';

// Exact type equality: `any` equals nothing but `any`, so it cannot sneak in.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
function expectTrue<T extends true>(): T | void {}

expectTrue<Equal<typeof WORKSPACE_ELEMENT_TYPES, readonly WorkspaceElementType[]>>();
expectTrue<Equal<typeof MODEL_IDS, readonly ModelId[]>>();
expectTrue<Equal<typeof AGENT_NAMES, readonly AgentName[]>>();
expectTrue<Equal<typeof AGENT_SESSION_STATUSES, readonly AgentSessionStatus[]>>();
expectTrue<Equal<typeof AGENT_SESSION_STATES, readonly AgentSessionState[]>>();
expectTrue<Equal<ReturnType<typeof validateCreateAgentSession>, Result<CreateAgentSession>>>();
expectTrue<Equal<ReturnType<typeof buildCreateAgentSessionRequest>, Result<HttpRequest>>>();
expectTrue<Equal<ReturnType<typeof parseAgentSession>, Result<AgentSession>>>();
expectTrue<Equal<ReturnType<typeof toCurl>, string>>();
expectTrue<Equal<ReturnType<typeof isTimestamp>, boolean>>();
expectTrue<Equal<HttpRequest['method'], 'GET' | 'POST'>>();
expectTrue<Equal<HttpRequest['body'], string | undefined>>();
expectTrue<Equal<CreateAgentSession['prompt'], string>>();
expectTrue<Equal<CreateAgentSession['modelId'], ModelId | undefined>>();
expectTrue<Equal<CreateAgentSession['promptAttachments'], PromptAttachment[] | undefined>>();
expectTrue<Equal<AgentSession['status'], AgentSessionStatus>>();
expectTrue<Equal<AgentSession['hasWorker'], boolean>>();
expectTrue<Equal<ErrorData['message'], string>>();
expectTrue<Equal<Issue['message'], string>>();
expectTrue<Equal<Issue['path'], readonly (string | number)[]>>();
// The enumerations are string-literal unions, not `string`.
expectTrue<Equal<string extends ModelId ? true : false, false>>();
expectTrue<Equal<'anthropic/claude-haiku-4.5' extends ModelId ? true : false, true>>();
expectTrue<Equal<'external-event-type' extends WorkspaceElementType ? true : false, true>>();

// --- A form's draft, typed by the package -------------------------------
const draft: CreateAgentSession = {
  prompt: 'Build a connection to HubSpot',
  workspaceElementType: 'connection',
  modelId: 'anthropic/claude-sonnet-4.6',
  agentName: 'connection-building',
  isExternal: false,
  promptAttachments: [
    { title: 'fields', data: { names: ['email', 'name'], limit: 10 } },
    { title: 'nothing yet', data: null },
  ],
};

const checked = validateCreateAgentSession(draft);
if (checked.success) {
  const prompt: string = checked.data.prompt;
  const model: ModelId | undefined = checked.data.modelId;
  void [prompt, model];
  // @ts-expect-error a success has no issues
  void checked.issues;
} else {
  const issues: readonly Issue[] = checked.issues;
  const byField = new Map(issues.map((issue) => [issue.path.join('.'), issue.message] as const));
  void byField;
  // @ts-expect-error a failure has no data
  void checked.data;
}

// --- Type guards narrow what a user typed ------------------------------
function chooseModel(input: string): ModelId {
  if (isModelId(input)) return input;
  // @ts-expect-error outside the guard a string is not a ModelId
  const unchecked: ModelId = input;
  void unchecked;
  return MODEL_IDS[0];
}
void chooseModel;

function describe(value: unknown): string {
  if (isWorkspaceElementType(value)) { const t: WorkspaceElementType = value; return t; }
  if (isAgentName(value)) { const n: AgentName = value; return n; }
  if (isAgentSessionStatus(value)) { const s: AgentSessionStatus = value; return s; }
  if (isAgentSessionState(value)) { const s: AgentSessionState = value; return s; }
  return isTimestamp(value) ? 'a timestamp' : 'something else';
}
void describe;

// --- The arrays fill a <select> ----------------------------------------
const options: { value: ModelId; label: string }[] = MODEL_IDS.map((id) => ({ value: id, label: id }));
const firstAgent: AgentName = AGENT_NAMES[0];
void [options, firstAgent];
// @ts-expect-error the arrays are read-only
MODEL_IDS.push('openai/gpt-5.2');

// --- Build, send with fetch, parse the answer --------------------------
async function send(token: string): Promise<AgentSession | readonly Issue[]> {
  const built = buildCreateAgentSessionRequest(draft, { token, baseUrl: 'https://api.example.com/v1' });
  if (!built.success) return built.issues;
  const request: HttpRequest = built.data;
  const curl: string = toCurl(request, { revealToken: false });
  const redacted: string = toCurl(request); // SPEC: options are optional
  void curl;
  void redacted;
  const response = await fetch(request.url, request); // SPEC: fetch(r.url, r) works
  const parsed = parseAgentSession(await response.text());
  if (!parsed.success) return parsed.issues;
  const session: AgentSession = parsed.data;
  const status: AgentSessionStatus = session.status;
  const state: AgentSessionState | undefined = session.state;
  const cause: ErrorData | undefined = session.error?.causedByError;
  const cost: number | undefined = session.cost;
  void [status, state, cause, cost];
  return session;
}
void send;
buildCreateAgentSessionRequest(draft, { token: 't' }); // baseUrl is optional
// @ts-expect-error the token is required
buildCreateAgentSessionRequest(draft, { baseUrl: 'https://api.example.com' });

// --- The session lifecycle ---------------------------------------------
const options2 = { token: 't', baseUrl: 'https://api.example.com' };
const getParams: GetAgentSessionParams = { id: 'as_1', wait: true, timeout: 30 };
expectTrue<Equal<ReturnType<typeof buildGetAgentSessionRequest>, Result<HttpRequest>>>();
expectTrue<Equal<ReturnType<typeof parseAgentSessionList>, Result<AgentSessionList>>>();
expectTrue<Equal<ReturnType<typeof parseInterruptAgentSessionResponse>, Result<InterruptAgentSessionResponse>>>();
expectTrue<Equal<AgentSessionList['items'], AgentSession[]>>();
expectTrue<Equal<InterruptAgentSessionResponse['interrupted'], boolean>>();
const lifecycle = [
  buildGetAgentSessionRequest(getParams, options2),
  buildListAgentSessionsRequest({ limit: 100, cursor: 'abc', workspaceElementType: 'connector' }, options2),
  buildSendAgentSessionMessageRequest({ id: 'as_1', input: 'continue', synthetic: false }, options2),
  buildInterruptAgentSessionRequest({ id: 'as_1' }, options2),
];
void lifecycle;
// @ts-expect-error the id is required
buildGetAgentSessionRequest({ wait: true }, options2);
// @ts-expect-error a message needs its input
buildSendAgentSessionMessageRequest({ id: 'as_1' }, options2);

// --- Interop: Standard Schema, issue helpers, JSON Schema ---------------
expectTrue<Equal<typeof createAgentSessionSchema, StandardSchema<CreateAgentSession>>>();
expectTrue<Equal<typeof agentSessionSchema, StandardSchema<AgentSession>>>();
expectTrue<Equal<typeof createAgentSessionSchema['~standard']['version'], 1>>();
const standard = createAgentSessionSchema['~standard'].validate({ prompt: 'x' });
if (standard.issues) {
  const flat: FlattenedIssues = flattenIssues(standard.issues);
  const fieldMessages: string[] | undefined = flat.fieldErrors.prompt;
  const text: string = formatIssues(standard.issues);
  void [fieldMessages, text];
} else {
  const created: CreateAgentSession = standard.value;
  void created;
}
void [createAgentSessionJsonSchema, agentSessionJsonSchema];

// --- What must not compile ---------------------------------------------
const wrongModel: CreateAgentSession = {
  prompt: 'x',
  // @ts-expect-error not one of the model ids
  modelId: 'openai/gpt-4',
};
const wrongCase: CreateAgentSession = {
  prompt: 'x',
  // @ts-expect-error matching is exact: case counts
  agentName: 'Membrane',
};
// @ts-expect-error prompt is required
const noPrompt: CreateAgentSession = { modelId: 'openai/gpt-5.2' };
const nullOptional: CreateAgentSession = {
  prompt: 'x',
  // @ts-expect-error null is not absent: optional fields are not nullable
  workspaceElementId: null,
};
// @ts-expect-error an attachment's data key is required (null is a value)
const noData: PromptAttachment = { title: 'no data' };
const typo: CreateAgentSession = {
  prompt: 'x',
  // @ts-expect-error unknown keys are errors here too
  promt: 'x',
};
void [wrongModel, wrongCase, noPrompt, nullOptional, noData, typo];
