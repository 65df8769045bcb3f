// The consumers' own typings with our Standard Schema objects. Hono infers
// the validated body as CreateAgentSession. TanStack Form types a form-level
// schema as StandardSchemaV1<FormValues, unknown>, i.e. it wants the
// schema's *input* type to be the form's values, while SPEC declares our
// input as `unknown` (validate takes anything): so the schema needs a cast
// there, which this file shows (and proves necessary, so that a change of
// the declared input type is noticed here).
import { Hono } from 'hono';
import { sValidator } from '@hono/standard-validator';
import { FormApi } from '@tanstack/form-core';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { agentSessionSchema, createAgentSessionSchema } from 'membrane-agent-session';
import type { AgentSession, CreateAgentSession } from 'membrane-agent-session';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
function expectTrue<T extends true>(): T | void {}

const app = new Hono();
app.post('/agent/sessions', sValidator('json', createAgentSessionSchema), (c) => {
  const body = c.req.valid('json');
  expectTrue<Equal<typeof body, CreateAgentSession>>();
  // @ts-expect-error not a field of CreateAgentSession
  void body.promt;
  return c.json({ prompt: body.prompt });
});
app.post('/webhook/session', sValidator('json', agentSessionSchema), (c) => {
  const session = c.req.valid('json');
  expectTrue<Equal<typeof session, AgentSession>>();
  return c.text(session.status);
});

const defaultValues: CreateAgentSession = { prompt: '' };
new FormApi({
  defaultValues,
  // @ts-expect-error TanStack Form wants the input type to be the form's values
  validators: { onChange: createAgentSessionSchema },
});
const form = new FormApi({
  defaultValues,
  validators: { onChange: createAgentSessionSchema as StandardSchemaV1<CreateAgentSession, CreateAgentSession> },
});
const prompt: string = form.state.values.prompt;
void prompt;
