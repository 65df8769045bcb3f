import { formatIssues, type AgentSession, type Issue } from "membrane-agent-session";
import { h } from "./dom";
import type { SendOutcome } from "./send-request";

/** How much of an error answer's body is shown. */
const BODY_PREVIEW_CHARS = 2_000;

/** Shows what came of Send in `container`, whose `data-outcome` names the kind. */
export function showOutcome(container: HTMLElement, outcome: SendOutcome): void {
  container.dataset["outcome"] = outcome.kind;
  switch (outcome.kind) {
    case "network-error":
      container.replaceChildren(
        h("p", { class: "outcome-title bad" }, "Network error: no answer from the server"),
        h("p", {}, "Could not reach ", h("code", {}, outcome.url), `: ${outcome.reason}.`),
        h(
          "p",
          { class: "hint" },
          "Check the base URL and your connection. A server on another origin must also allow this page with CORS headers.",
        ),
      );
      return;
    case "http-error":
      container.replaceChildren(
        ...httpError(outcome.status, outcome.statusText, outcome.body, "The server refused the request."),
      );
      return;
    case "session":
      container.replaceChildren(
        h("p", { class: "outcome-title good" }, `HTTP ${outcome.status}: session created`),
        // Kept up to date while the session is followed; the timeline is
        // what announces each change, so this part does not.
        h("div", { class: "session-current", "aria-live": "off" }, sessionDetails(outcome.session)),
      );
      return;
    case "invalid-answer":
      container.replaceChildren(
        h(
          "p",
          { class: "outcome-title bad" },
          `HTTP ${outcome.status}, but the answer is not an agent session (${plural(outcome.issues.length, "issue")})`,
        ),
        issueList(outcome.issues),
      );
      return;
  }
}

/** Shows `session` as the latest state of the session created by Send. */
export function updateSession(container: HTMLElement, session: AgentSession): void {
  container.querySelector(".session-current")?.replaceChildren(sessionDetails(session));
}

/**
 * The package's issues about an answer, one per line: the code, then path and
 * message as the package's `formatIssues` writes them. Each line names its
 * code and path in `data-code` and `data-path` too.
 */
export function issueList(issues: readonly Issue[]): HTMLElement {
  return h(
    "ul",
    { class: "answer-issues" },
    ...issues.map((issue) =>
      h(
        "li",
        { "data-code": issue.code, "data-path": issue.path.join(".") },
        h("span", { class: "issue-code" }, issue.code),
        " ",
        formatIssues([issue]),
      ),
    ),
  );
}

/** An HTTP error answer: its status and (the start of) its body. */
export function httpError(status: number, statusText: string, body: string, what: string): HTMLElement[] {
  return [
    h("p", { class: "outcome-title bad" }, `HTTP error ${status} ${statusText}`.trim()),
    h("p", {}, `${what} Its answer:`),
    h("pre", { class: "code-block" }, h("code", {}, bodyPreview(body))),
  ];
}

/** Shows that a request is on its way. */
export function showSending(container: HTMLElement, url: string): void {
  container.dataset["outcome"] = "sending";
  container.replaceChildren(h("p", {}, "Sending to ", h("code", {}, url), "…"));
}

function sessionDetails(session: AgentSession): HTMLElement {
  const rows: [string, Node | string][] = [
    ["Status", h("strong", { "data-field": "status" }, session.status)],
    ["State", h("strong", { "data-field": "state" }, session.state ?? "busy")],
    ["Id", h("code", {}, session.id)],
    ["Created", timestamp("createdAt", session.createdAt)],
    ["Updated", timestamp("updatedAt", session.updatedAt)],
    ["Last activity", timestamp("lastActivityAt", session.lastActivityAt)],
  ];
  if (session.title !== undefined) rows.push(["Title", session.title]);
  if (session.agentName !== undefined) rows.push(["Agent", session.agentName]);
  if (session.summary !== undefined) rows.push(["Summary", session.summary]);
  if (session.error !== undefined) rows.push(["Error", session.error.message]);
  return h("dl", { class: "session" }, ...rows.flatMap(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]));
}

// The timestamp as sent (it is UTC), with the reader's local time beside it.
function timestamp(field: string, value: string): HTMLElement {
  const local = new Date(value);
  const shown = h("time", { datetime: value, "data-field": field }, value);
  return Number.isNaN(local.getTime())
    ? h("span", {}, shown)
    : h("span", {}, shown, h("span", { class: "hint" }, ` (${local.toLocaleString()})`));
}

function bodyPreview(body: string): string {
  if (body === "") return "(empty)";
  return body.length > BODY_PREVIEW_CHARS ? `${body.slice(0, BODY_PREVIEW_CHARS)}… (${body.length} characters in all)` : body;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
