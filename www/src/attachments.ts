import { byId, within } from "./dom";

/** The controls of one attachment, in the order the user sees them. */
export interface AttachmentRow {
  item: HTMLLIElement;
  fieldset: HTMLFieldSetElement;
  title: HTMLInputElement;
  data: HTMLTextAreaElement;
}

export interface AttachmentValues {
  title: string;
  data: string;
}

/**
 * The repeatable "prompt attachments" group. Rows are found by their place in
 * the list, which is what an issue path such as
 * `["promptAttachments", 1, "title"]` refers to.
 */
export class AttachmentList {
  readonly #list: HTMLOListElement;
  readonly #template: HTMLTemplateElement;
  readonly #addButton: HTMLButtonElement;
  readonly #onChange: () => void;
  // Ids must stay unique after rows are removed, so they never reuse a number.
  #nextId = 0;

  constructor(onChange: () => void) {
    this.#list = byId("attachment-list", HTMLOListElement);
    this.#template = byId("attachment-template", HTMLTemplateElement);
    this.#addButton = byId("add-attachment", HTMLButtonElement);
    this.#onChange = onChange;
    this.#addButton.addEventListener("click", () => {
      const row = this.add({ title: "", data: "null" });
      row.title.focus();
      this.#onChange();
    });
  }

  /** Appends a row holding `values`. */
  add(values: AttachmentValues): AttachmentRow {
    const fragment = this.#template.content.cloneNode(true);
    if (!(fragment instanceof DocumentFragment)) throw new Error("attachment template is not a fragment");
    const item = within(fragment, "li", HTMLLIElement);
    const row = rowOf(item);
    const id = `attachment-${this.#nextId++}`;

    row.fieldset.id = id;
    row.fieldset.dataset["problem"] = `${id}-problem`;
    within(item, ".attachment-row-problem", HTMLDivElement).id = `${id}-problem`;
    connect(item, row.title, ".attachment-title-label", ".attachment-title-problem", `${id}-title`);
    connect(item, row.data, ".attachment-data-label", ".attachment-data-problem", `${id}-data`);
    row.title.value = values.title;
    row.data.value = values.data;

    within(item, ".remove-attachment", HTMLButtonElement).addEventListener("click", () => {
      item.remove();
      this.#renumber();
      this.#addButton.focus();
      this.#onChange();
    });
    this.#list.append(item);
    this.#renumber();
    return row;
  }

  /** Removes every row. */
  clear(): void {
    this.#list.replaceChildren();
  }

  /** The rows in list order; index i is `promptAttachments[i]`. */
  rows(): AttachmentRow[] {
    return Array.from(this.#list.children, (child) => {
      if (!(child instanceof HTMLLIElement)) throw new Error("attachment list holds a non-<li>");
      return rowOf(child);
    });
  }

  #renumber(): void {
    this.rows().forEach((row, index) => {
      const number = index + 1;
      within(row.fieldset, ".attachment-legend", HTMLLegendElement).textContent = `Attachment ${number}`;
      row.title.name = `promptAttachments.${index}.title`;
      row.data.name = `promptAttachments.${index}.data`;
      within(row.fieldset, ".remove-attachment", HTMLButtonElement).setAttribute(
        "aria-label",
        `Remove attachment ${number}`,
      );
    });
  }
}

function rowOf(item: HTMLLIElement): AttachmentRow {
  return {
    item,
    fieldset: within(item, "fieldset", HTMLFieldSetElement),
    title: within(item, ".attachment-title", HTMLInputElement),
    data: within(item, ".attachment-data", HTMLTextAreaElement),
  };
}

// Gives a control its id, its label and the element its problems are shown in.
function connect(
  item: HTMLLIElement,
  control: HTMLInputElement | HTMLTextAreaElement,
  labelSelector: string,
  problemSelector: string,
  id: string,
): void {
  control.id = id;
  within(item, labelSelector, HTMLLabelElement).htmlFor = id;
  within(item, problemSelector, HTMLDivElement).id = `${id}-problem`;
  control.dataset["problem"] = `${id}-problem`;
}
