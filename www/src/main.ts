import {
  AGENT_NAMES,
  MODEL_IDS,
  WORKSPACE_ELEMENT_TYPES,
  buildInterruptAgentSessionRequest,
  parseInterruptAgentSessionResponse,
  type AgentSession,
  type BuildOptions,
  type HttpRequest,
} from "membrane-agent-session";
import { AttachmentList } from "./attachments";
import { checkRequest } from "./check-request";
import { byId, h } from "./dom";
import { nameOf, showProblems } from "./field-problems";
import { followSession } from "./follow-session";
import { readForm } from "./read-form";
import { SCALAR_FIELDS } from "./request-fields";
import { curlCommand, fetchCode } from "./request-preview";
import { SAMPLE_REQUEST } from "./sample-request";
import { fillSelect } from "./select-options";
import { exchange, sendRequest } from "./send-request";
import { SessionTimeline, type InterruptOutcome } from "./session-timeline";
import { showOutcome, showSending, updateSession } from "./show-outcome";

// The package is ready once its module is imported: no init call.

const form = byId("request-form", HTMLFormElement);
const revealToken = byId("revealToken", HTMLInputElement);
const previewStatus = byId("preview-status", HTMLParagraphElement);
const fetchPreview = byId("fetch-preview", HTMLElement);
const curlPreview = byId("curl-preview", HTMLElement);
const sendButton = byId("send", HTMLButtonElement);
const interruptButton = byId("interrupt", HTMLButtonElement);
const result = byId("result", HTMLDivElement);
const timeline = new SessionTimeline();
const attachments = new AttachmentList(update);

/** The request as last built, if the form holds a valid one, with its options. */
let current: { request: HttpRequest; options: BuildOptions } | undefined;

/** The session being followed: its id, the options it was created with, how to stop, and where it stands. */
interface Followed {
  id: string;
  options: BuildOptions;
  stop: AbortController;
  busy: boolean;
  /** An interrupt is on its way, or was accepted: one click, one interrupt. */
  interrupting: boolean;
}
let followed: Followed | undefined;

fillSelect(byId("workspaceElementType", HTMLSelectElement), WORKSPACE_ELEMENT_TYPES);
fillSelect(byId("modelId", HTMLSelectElement), MODEL_IDS);
fillSelect(byId("agentName", HTMLSelectElement), AGENT_NAMES);
fillSample();

// "input" fires for every kind of control, selects and checkboxes included.
form.addEventListener("input", update);
form.addEventListener("submit", (event) => event.preventDefault());
revealToken.addEventListener("change", renderPreview);
sendButton.addEventListener("click", () => void send());
interruptButton.addEventListener("click", () => void interrupt());
// Leaving the page ends the long poll instead of leaving it to the server.
addEventListener("pagehide", () => stopFollowing());

update();
void offerStubApi();
byId("app-status", HTMLParagraphElement).textContent = "Validator loaded. A sample request is filled in; edit it and watch the checks.";
document.documentElement.dataset["ready"] = "true";

function fillSample(): void {
  const sample = SAMPLE_REQUEST;
  for (const name of [...SCALAR_FIELDS, "token", "baseUrl"] as const) {
    const element = form.elements.namedItem(name);
    if (
      element instanceof HTMLInputElement ||
      element instanceof HTMLTextAreaElement ||
      element instanceof HTMLSelectElement
    ) {
      element.value = sample[name];
    }
  }
  attachments.clear();
  for (const attachment of sample.attachments) attachments.add(attachment);
}

/** Re-reads and re-checks the whole form; cheap enough to run on every keystroke. */
function update(): void {
  const reading = readForm(form, attachments);
  const checked = checkRequest(reading);
  current =
    checked.request === undefined || checked.options === undefined
      ? undefined
      : { request: checked.request, options: checked.options };
  const marked = showProblems(form, attachments, checked.issues, reading.extraKeys);
  sendButton.disabled = current === undefined;
  previewStatus.dataset["valid"] = String(current !== undefined);
  if (current === undefined) {
    const count = checked.issues.length;
    previewStatus.replaceChildren(
      `The form has ${count === 1 ? "1 problem" : `${count} problems`}; fix ${count === 1 ? "it" : "them"} to see the request: `,
      ...marked.flatMap((element, index) => [index === 0 ? "" : ", ", linkTo(element)]),
      ".",
    );
  } else {
    previewStatus.textContent = "Valid: this is the request Send will make.";
  }
  renderPreview();
}

// A link that brings a marked field into view and focuses it.
function linkTo(element: HTMLElement): HTMLAnchorElement {
  const link = h("a", { href: `#${element.id}` }, nameOf(element));
  link.addEventListener("click", (event) => {
    event.preventDefault();
    element.closest("details")?.setAttribute("open", "");
    element.scrollIntoView({ block: "center" });
    const focusable = element instanceof HTMLFieldSetElement ? element.querySelector<HTMLElement>("input, textarea, select, button") : element;
    focusable?.focus({ preventScroll: true });
  });
  return link;
}

function renderPreview(): void {
  if (current === undefined) {
    fetchPreview.textContent = "—";
    curlPreview.textContent = "—";
    return;
  }
  fetchPreview.textContent = fetchCode(current.request, revealToken.checked);
  curlPreview.textContent = curlCommand(current.request, revealToken.checked);
}

async function send(): Promise<void> {
  const built = current;
  if (built === undefined) return;
  // A new session replaces the one being followed.
  stopFollowing();
  timeline.clear();
  sendButton.disabled = true;
  showSending(result, built.request.url);
  try {
    const outcome = await sendRequest(built.request);
    showOutcome(result, outcome);
    if (outcome.kind === "session") void follow(outcome.session, built.options);
  } finally {
    sendButton.disabled = current === undefined;
  }
}

/** Long-polls the created session until it is idle, adding each change to the timeline. */
async function follow(session: AgentSession, options: BuildOptions): Promise<void> {
  const stop = new AbortController();
  const mine: Followed = { id: session.id, options, stop, busy: session.state !== "idle", interrupting: false };
  followed = mine;
  timeline.start(session);
  offerInterrupt();
  const end = await followSession(session, options, stop.signal, (changed) => {
    if (followed !== mine) return;
    mine.busy = changed.state !== "idle";
    offerInterrupt();
    timeline.add(changed);
    updateSession(result, changed);
  });
  // A newer Send has taken over the panel: say nothing about the old session.
  if (followed !== mine) return;
  mine.busy = false;
  offerInterrupt();
  timeline.end(end);
}

function stopFollowing(): void {
  followed?.stop.abort();
  followed = undefined;
  offerInterrupt();
}

/** Interrupt is offered while the followed session is busy and no interrupt is under way. */
function offerInterrupt(): void {
  interruptButton.disabled = followed === undefined || !followed.busy || followed.interrupting;
}

/** Asks the server to stop the followed session; the poll then shows how it ends. */
async function interrupt(): Promise<void> {
  const target = followed;
  if (target === undefined || !target.busy || target.interrupting) return;
  target.interrupting = true;
  offerInterrupt();
  const built = buildInterruptAgentSessionRequest({ id: target.id }, target.options);
  if (!built.success) {
    timeline.interrupted({ kind: "invalid-request", issues: built.issues });
    target.interrupting = false;
    offerInterrupt();
    return;
  }
  timeline.interrupting(built.data.url);
  const outcome = await exchange(built.data, parseInterruptAgentSessionResponse, { signal: target.stop.signal });
  if (followed !== target || outcome.kind === "aborted") return;
  const shown: InterruptOutcome = outcome.kind === "answer" ? { kind: "answer", interrupted: outcome.data.interrupted } : outcome;
  timeline.interrupted(shown);
  // After a failed or refused interrupt the user may try again while the session is busy.
  if (outcome.kind !== "answer" || !outcome.data.interrupted) {
    target.interrupting = false;
    offerInterrupt();
  }
}

/**
 * When the page is served by www/serve.mjs, its stub of the API answers below
 * ./stub-api; a button then puts that base URL in the form, to run a whole
 * session without a real token.
 */
async function offerStubApi(): Promise<void> {
  const stubUrl = new URL("./stub-api", location.href).href;
  try {
    const probe = await fetch(`${stubUrl}/agent/sessions`, { method: "OPTIONS", signal: AbortSignal.timeout(5_000) });
    if (probe.status !== 204) return;
  } catch {
    return;
  }
  const button = byId("use-stub", HTMLButtonElement);
  const baseUrl = byId("baseUrl", HTMLInputElement);
  button.hidden = false;
  button.addEventListener("click", () => {
    baseUrl.value = stubUrl;
    update();
    baseUrl.focus();
  });
}
