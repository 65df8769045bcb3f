/** Label of the empty option: the key is left out of the request. */
export const NOT_SET_LABEL = "(not set)";

/**
 * Fills a `<select>` with an empty "(not set)" option and then `values` in
 * their order. The values come from the package's exported arrays, so the
 * form never keeps a second list of them.
 */
export function fillSelect(select: HTMLSelectElement, values: readonly string[]): void {
  select.replaceChildren(new Option(NOT_SET_LABEL, ""), ...values.map((value) => new Option(value, value)));
}
