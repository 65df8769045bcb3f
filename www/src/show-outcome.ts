import type { AgentSession } from "membrane-agent-session";
import { h } from "./dom";
import { formatPath } from "./form-issues";
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
        h("p", { class: "outcome-title bad" }, `HTTP error ${outcome.status} ${outcome.statusText}`.trim()),
        h("p", {}, "The server refused the request. Its answer:"),
        h("pre", { class: "code-block" }, h("code", {}, bodyPreview(outcome.body))),
      );
      return;
    case "session":
      container.replaceChildren(
        h("p", { class: "outcome-title good" }, `HTTP ${outcome.status}: session created`),
        sessionDetails(outcome.session),
      );
      return;
    case "invalid-answer":
      container.replaceChildren(
        h(
          "p",
          { class: "outcome-title bad" },
          `HTTP ${outcome.status}, but the answer is not an agent session (${plural(outcome.issues.length, "issue")})`,
        ),
        h(
          "ul",
          { class: "answer-issues" },
          ...outcome.issues.map((issue) =>
            h(
              "li",
              { "data-code": issue.code },
              h("code", {}, issue.path.length === 0 ? "(the answer)" : formatPath(issue.path)),
              " ",
              h("span", { class: "issue-code" }, issue.code),
              `: ${issue.message}`,
            ),
          ),
        ),
      );
      return;
  }
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

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
