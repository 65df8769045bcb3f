// What the Rust-generated declarations promise at compile time (issue 10,
// "The types help at compile time, too"): a typo in an object literal given
// to buildCreateAgentSessionRequest is an error while an `unknown` value is
// still accepted, isTimestamp narrows to a branded Timestamp, and the issue
// arrays and paths are read-only.
import { buildCreateAgentSessionRequest, isTimestamp, parseAgentSession, validateCreateAgentSession } from 'membrane-agent-session';
import type { Issue, Timestamp } from 'membrane-agent-session';

declare const fromTheWire: unknown;
const options = { token: 'tok_0123456789' };

// A typed literal: a typo'd key does not compile…
// @ts-expect-error `promt` is not a key of CreateAgentSession
buildCreateAgentSessionRequest({ promt: 'Connect HubSpot' }, options);
// @ts-expect-error nor is a model id outside the union
buildCreateAgentSessionRequest({ prompt: 'x', modelId: 'gpt-4' }, options);
buildCreateAgentSessionRequest({ prompt: 'Connect HubSpot', modelId: 'openai/gpt-5.2' }, options);
// …while anything of type unknown is still validated at run time.
buildCreateAgentSessionRequest(fromTheWire, options);

// isTimestamp is a type guard to a branded string.
declare const text: string;
if (isTimestamp(text)) {
  const stamp: Timestamp = text;
  const stillAString: string = stamp;
  void stillAString;
}
// @ts-expect-error a plain string is not a Timestamp until checked
const unchecked: Timestamp = '2026-03-01T12:00Z';
void unchecked;
const session = parseAgentSession('{}');
if (session.success) {
  const created: Timestamp = session.data.createdAt;
  const asText: string = created;
  void asText;
}
// A value already typed CreateAgentSession is fine too.
declare const typed: import('membrane-agent-session').CreateAgentSession;
buildCreateAgentSessionRequest(typed, options);

// Issues and their paths are read-only.
const result = validateCreateAgentSession(fromTheWire);
if (!result.success) {
  const issues: readonly Issue[] = result.issues;
  const first = issues[0];
  if (first !== undefined) {
    // @ts-expect-error path is readonly
    first.path.push('x');
    const segment: string | number | undefined = first.path[0];
    void segment;
  }
  // @ts-expect-error the issue list is readonly
  result.issues.push(result.issues[0]!);
}
