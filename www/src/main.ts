import { AGENT_NAMES, MODEL_IDS, WORKSPACE_ELEMENT_TYPES, type HttpRequest } from "membrane-agent-session";
import { AttachmentList } from "./attachments";
import { checkRequest } from "./check-request";
import { byId, h } from "./dom";
import { nameOf, showProblems } from "./field-problems";
import { readForm } from "./read-form";
import { SCALAR_FIELDS } from "./request-fields";
import { curlCommand, fetchCode } from "./request-preview";
import { SAMPLE_REQUEST } from "./sample-request";
import { fillSelect } from "./select-options";
import { sendRequest } from "./send-request";
import { showOutcome, showSending } from "./show-outcome";

// The package's browser entry loads its wasm with top-level await, so by the
// time this module runs the validator is ready: no init call.

const form = byId("request-form", HTMLFormElement);
const revealToken = byId("revealToken", HTMLInputElement);
const previewStatus = byId("preview-status", HTMLParagraphElement);
const fetchPreview = byId("fetch-preview", HTMLElement);
const curlPreview = byId("curl-preview", HTMLElement);
const sendButton = byId("send", HTMLButtonElement);
const result = byId("result", HTMLDivElement);
const attachments = new AttachmentList(update);

/** The request as last built, if the form holds a valid one. */
let current: HttpRequest | undefined;

fillSelect(byId("workspaceElementType", HTMLSelectElement), WORKSPACE_ELEMENT_TYPES);
fillSelect(byId("modelId", HTMLSelectElement), MODEL_IDS);
fillSelect(byId("agentName", HTMLSelectElement), AGENT_NAMES);
fillSample();

// "input" fires for every kind of control, selects and checkboxes included.
form.addEventListener("input", update);
form.addEventListener("submit", (event) => event.preventDefault());
revealToken.addEventListener("change", renderPreview);
sendButton.addEventListener("click", () => void send());

update();
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
  current = checked.request;
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
  fetchPreview.textContent = fetchCode(current, revealToken.checked);
  curlPreview.textContent = curlCommand(current, revealToken.checked);
}

async function send(): Promise<void> {
  const request = current;
  if (request === undefined) return;
  sendButton.disabled = true;
  showSending(result, request.url);
  try {
    showOutcome(result, await sendRequest(request));
  } finally {
    sendButton.disabled = current === undefined;
  }
}
