// Typed lookups: a missing or wrong element is a bug in index.html, so it
// fails loudly at start-up instead of as `undefined` later on.

type ElementClass<T extends Element> = abstract new (...args: never[]) => T;

/** The element with this id, checked to be of the given class. */
export function byId<T extends Element>(id: string, kind: ElementClass<T>): T {
  const element = document.getElementById(id);
  if (!(element instanceof kind)) {
    throw new Error(`index.html has no <${kind.name}> with id "${id}"`);
  }
  return element;
}

/** The first element under `root` matching `selector`, checked to be of the given class. */
export function within<T extends Element>(root: ParentNode, selector: string, kind: ElementClass<T>): T {
  const element = root.querySelector(selector);
  if (!(element instanceof kind)) {
    throw new Error(`no <${kind.name}> matches "${selector}"`);
  }
  return element;
}

type Child = Node | string;

/**
 * Makes an element with text children only through `textContent` (never
 * `innerHTML`), because what we show includes server answers.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}
