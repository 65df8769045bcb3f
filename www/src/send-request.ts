import { parseAgentSession, type AgentSession, type HttpRequest, type Issue, type Result } from "membrane-agent-session";

/** How long Send waits for an answer before giving up. */
const TIMEOUT_MS = 30_000;

/** What came of sending a request whose answer is read by a parser of the package. */
export type Exchange<T> =
  | { kind: "network-error"; url: string; reason: string }
  | { kind: "aborted" }
  | { kind: "http-error"; status: number; statusText: string; body: string }
  | { kind: "answer"; status: number; data: T }
  | { kind: "invalid-answer"; status: number; issues: readonly Issue[] };

/** What came of Send (create). */
export type SendOutcome =
  | { kind: "network-error"; url: string; reason: string }
  | { kind: "http-error"; status: number; statusText: string; body: string }
  | { kind: "session"; status: number; session: AgentSession }
  | { kind: "invalid-answer"; status: number; issues: readonly Issue[] };

/**
 * Sends a built request (`fetch(r.url, r)`, as the package promises) and
 * reads a 2xx answer with `parse`. Never throws: every failure is an outcome
 * to show. `signal` stops it early (the outcome is then "aborted");
 * `timeoutMs` bounds the whole exchange.
 */
export async function exchange<T>(
  request: HttpRequest,
  parse: (text: string) => Result<T>,
  { signal, timeoutMs = TIMEOUT_MS }: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<Exchange<T>> {
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response;
  let body: string;
  try {
    response = await fetch(request.url, { ...request, signal: signal === undefined ? timeout : AbortSignal.any([signal, timeout]) });
    body = await response.text();
  } catch (error) {
    if (signal?.aborted === true) return { kind: "aborted" };
    return { kind: "network-error", url: request.url, reason: networkReason(error, timeoutMs) };
  }
  if (!response.ok) {
    return { kind: "http-error", status: response.status, statusText: response.statusText, body };
  }
  const parsed = parse(body);
  return parsed.success
    ? { kind: "answer", status: response.status, data: parsed.data }
    : { kind: "invalid-answer", status: response.status, issues: parsed.issues };
}

/** POSTs the create request and checks the answer with `parseAgentSession`. */
export async function sendRequest(request: HttpRequest): Promise<SendOutcome> {
  const outcome = await exchange(request, parseAgentSession);
  switch (outcome.kind) {
    case "answer":
      return { kind: "session", status: outcome.status, session: outcome.data };
    // Send passes no signal, so nothing can abort it but the timeout.
    case "aborted":
      return { kind: "network-error", url: request.url, reason: "aborted" };
    default:
      return outcome;
  }
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === "TimeoutError") {
    return `no answer within ${timeoutMs / 1000} s`;
  }
  // Browsers say no more than "Failed to fetch" for DNS, refused
  // connections, TLS and CORS failures alike.
  return error instanceof Error ? error.message : String(error);
}
