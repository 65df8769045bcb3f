import {
  buildGetAgentSessionRequest,
  parseAgentSession,
  type AgentSession,
  type BuildOptions,
  type Issue,
} from "membrane-agent-session";
import { exchange } from "./send-request";

/**
 * How long each long poll asks the server to hold it, in seconds (the
 * server's default; SPEC allows 1 to 60). The server answers sooner when the
 * session changes.
 */
export const POLL_TIMEOUT_S = 30;

/** Extra time a poll is given over `POLL_TIMEOUT_S` before it counts as lost. */
const POLL_SLACK_MS = 10_000;

/**
 * The least time between two polls that brought nothing new, so that a
 * server which ignores `wait` is not asked again in a tight loop.
 */
const MIN_QUIET_POLL_MS = 1_000;

/** Why following a session ended. */
export type FollowEnd =
  | { kind: "idle"; session: AgentSession }
  | { kind: "aborted" }
  | { kind: "invalid-request"; issues: readonly Issue[] }
  | { kind: "network-error"; url: string; reason: string }
  | { kind: "http-error"; status: number; statusText: string; body: string }
  | { kind: "invalid-answer"; status: number; issues: readonly Issue[] };

/**
 * Long-polls `GET /agent/sessions/{id}?wait=true&timeout=…` until the
 * session's `state` is `idle`, calling `onChange` with every answer whose
 * status or state differs from the last one seen (an answer after a timeout
 * with nothing new is not a change). Stops at the first failure, or when
 * `signal` aborts, and says why. Never throws.
 */
export async function followSession(
  start: AgentSession,
  options: BuildOptions,
  signal: AbortSignal,
  onChange: (session: AgentSession, url: string) => void,
): Promise<FollowEnd> {
  let last = start;
  while (last.state !== "idle") {
    if (signal.aborted) return { kind: "aborted" };
    const built = buildGetAgentSessionRequest({ id: last.id, wait: true, timeout: POLL_TIMEOUT_S }, options);
    if (!built.success) return { kind: "invalid-request", issues: built.issues };
    const sentAt = performance.now();
    const outcome = await exchange(built.data, parseAgentSession, {
      signal,
      timeoutMs: POLL_TIMEOUT_S * 1000 + POLL_SLACK_MS,
    });
    if (outcome.kind !== "answer") return outcome;
    const session = outcome.data;
    const changed = session.status !== last.status || session.state !== last.state;
    if (changed) onChange(session, built.data.url);
    last = session;
    if (!changed) await pause(MIN_QUIET_POLL_MS - (performance.now() - sentAt), signal);
  }
  return { kind: "idle", session: last };
}

// Resolves after `ms` (at once if not positive), or as soon as `signal` aborts.
function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
  });
}
