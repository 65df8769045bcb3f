import { parseAgentSession, type AgentSession, type HttpRequest, type Issue } from "membrane-agent-session";

/** How long Send waits for an answer before giving up. */
const TIMEOUT_MS = 30_000;

/** What came of sending a request. */
export type SendOutcome =
  | { kind: "network-error"; url: string; reason: string }
  | { kind: "http-error"; status: number; statusText: string; body: string }
  | { kind: "session"; status: number; session: AgentSession }
  | { kind: "invalid-answer"; status: number; issues: Issue[] };

/**
 * POSTs the built request (`fetch(r.url, r)`, as the package promises) and
 * checks a 2xx answer with `parseAgentSession`. Never throws: every failure
 * is an outcome to show.
 */
export async function sendRequest(request: HttpRequest): Promise<SendOutcome> {
  let response: Response;
  let body: string;
  try {
    response = await fetch(request.url, { ...request, signal: AbortSignal.timeout(TIMEOUT_MS) });
    body = await response.text();
  } catch (error) {
    return { kind: "network-error", url: request.url, reason: networkReason(error) };
  }
  if (!response.ok) {
    return { kind: "http-error", status: response.status, statusText: response.statusText, body };
  }
  const parsed = parseAgentSession(body);
  return parsed.success
    ? { kind: "session", status: response.status, session: parsed.data }
    : { kind: "invalid-answer", status: response.status, issues: parsed.issues };
}

function networkReason(error: unknown): string {
  if (error instanceof DOMException && error.name === "TimeoutError") {
    return `no answer within ${TIMEOUT_MS / 1000} s`;
  }
  // Browsers say no more than "Failed to fetch" for DNS, refused
  // connections, TLS and CORS failures alike.
  return error instanceof Error ? error.message : String(error);
}
