import type { AgentSession, Issue } from "membrane-agent-session";
import { byId, h } from "./dom";
import type { FollowEnd } from "./follow-session";
import { httpError, issueList, plural } from "./show-outcome";

/** What the follow panel says it is doing, as `#follow[data-follow]`. */
export type FollowPhase = "polling" | "idle" | "stopped" | "error";

/** What came of Interrupt, as the page shows it. */
export type InterruptOutcome =
  | { kind: "answer"; interrupted: boolean }
  | { kind: "invalid-request"; issues: readonly Issue[] }
  | { kind: "network-error"; url: string; reason: string }
  | { kind: "http-error"; status: number; statusText: string; body: string }
  | { kind: "invalid-answer"; status: number; issues: readonly Issue[] };

/**
 * The part of the answer panel that follows a created session: a line saying
 * what is going on, a timeline with one entry per status or state seen (an
 * `aria-live` list, so each change is announced), what came of Interrupt,
 * and the problem that stopped the following, if any.
 */
export class SessionTimeline {
  readonly #root = byId("follow", HTMLElement);
  readonly #status = byId("follow-status", HTMLParagraphElement);
  readonly #list = byId("timeline", HTMLOListElement);
  readonly #interrupt = byId("interrupt-result", HTMLDivElement);
  readonly #problem = byId("follow-problem", HTMLDivElement);

  /** Hides and empties everything: nothing is being followed. */
  clear(): void {
    this.#root.hidden = true;
    delete this.#root.dataset["follow"];
    this.#status.replaceChildren();
    this.#list.replaceChildren();
    this.#interrupt.replaceChildren();
    delete this.#interrupt.dataset["interrupt"];
    this.#problem.replaceChildren();
  }

  /** Starts a timeline at the session the create call answered with. */
  start(session: AgentSession): void {
    this.clear();
    this.#root.hidden = false;
    this.add(session);
    if (session.state === "idle") this.#say("idle", `The session is idle (${session.status}): nothing to follow.`);
    else this.#say("polling", "Following the session: waiting for its next change…");
  }

  /** Adds the entry for a status or state the session has changed to. */
  add(session: AgentSession): void {
    const state = session.state ?? "busy";
    this.#list.append(
      h(
        "li",
        { "data-status": session.status, "data-state": state },
        h("time", { datetime: session.updatedAt }, timeOfDay(session.updatedAt)),
        " ",
        h("strong", { class: `status status-${session.status}` }, session.status),
        " ",
        h("span", { class: `state state-${state}` }, state),
      ),
    );
    if (state === "busy") this.#say("polling", `Following the session (${session.status}): waiting for its next change…`);
  }

  /** Says why following ended, with the problem shown in full if it failed. */
  end(end: FollowEnd): void {
    switch (end.kind) {
      case "idle":
        this.#say("idle", `The session is idle: ${end.session.status}.`);
        return;
      case "aborted":
        this.#say("stopped", "Stopped following the session.");
        return;
      case "invalid-request":
        this.#fail("The package refused to build the poll request:", issueList(end.issues));
        return;
      case "network-error":
        this.#fail("Network error while polling: no answer from the server.", h("p", {}, "Could not reach ", h("code", {}, end.url), `: ${end.reason}.`));
        return;
      case "http-error":
        this.#fail("The poll request failed.", ...httpError(end.status, end.statusText, end.body, "The server refused the poll."));
        return;
      case "invalid-answer":
        this.#fail(
          `A poll answer is not an agent session (HTTP ${end.status}, ${plural(end.issues.length, "issue")}):`,
          issueList(end.issues),
        );
        return;
    }
  }

  /** Shows that an interrupt request is on its way. */
  interrupting(url: string): void {
    this.#interrupt.dataset["interrupt"] = "sending";
    this.#interrupt.replaceChildren(h("p", {}, "Interrupting: ", h("code", {}, `POST ${url}`), "…"));
  }

  /** Shows what came of Interrupt; `#interrupt-result[data-interrupt]` names the kind. */
  interrupted(outcome: InterruptOutcome): void {
    this.#interrupt.dataset["interrupt"] = outcome.kind;
    switch (outcome.kind) {
      case "answer":
        this.#interrupt.replaceChildren(
          h(
            "p",
            { class: outcome.interrupted ? "good" : "muted" },
            "Interrupt answered ",
            h("code", { "data-field": "interrupted" }, `{ interrupted: ${outcome.interrupted} }`),
            outcome.interrupted ? ": the session is being stopped." : ": there was nothing to stop.",
          ),
        );
        return;
      case "invalid-request":
        this.#interrupt.replaceChildren(h("p", { class: "bad" }, "The package refused to build the interrupt request:"), issueList(outcome.issues));
        return;
      case "network-error":
        this.#interrupt.replaceChildren(h("p", { class: "bad" }, "Interrupt: could not reach ", h("code", {}, outcome.url), `: ${outcome.reason}.`));
        return;
      case "http-error":
        this.#interrupt.replaceChildren(...httpError(outcome.status, outcome.statusText, outcome.body, "The server refused the interrupt."));
        return;
      case "invalid-answer":
        this.#interrupt.replaceChildren(
          h("p", { class: "bad" }, `The interrupt answer is not { interrupted } (HTTP ${outcome.status}):`),
          issueList(outcome.issues),
        );
        return;
    }
  }

  #say(phase: FollowPhase, text: string): void {
    this.#root.dataset["follow"] = phase;
    this.#status.textContent = text;
  }

  #fail(text: string, ...details: HTMLElement[]): void {
    this.#say("error", `Stopped following: ${text}`);
    this.#problem.replaceChildren(...details);
  }
}

// "2026-11-28T10:00:01.234Z" -> "10:00:01.234 UTC": the day is the same for
// every entry, the time is what changes. Anything else is shown as sent.
function timeOfDay(timestamp: string): string {
  const match = /T(\d\d:\d\d(?::\d\d(?:\.\d+)?)?)Z$/.exec(timestamp);
  return match?.[1] === undefined ? timestamp : `${match[1]} UTC`;
}
