/** The CSS class the Player puts on the SVG elements of the notes sounding now. */
export const SOUNDING_CLASS = 'is-sounding';

/**
 * Marks exactly `ids` as sounding inside `container`: adds the class to those notes and removes it from
 * any other element. Checking the page every time (rather than remembering what was marked) keeps the
 * cursor right after a page turn replaces the SVG.
 */
export function markSounding(container: HTMLElement, ids: readonly string[]): void {
  const wanted = new Set(ids);
  for (const element of container.querySelectorAll(`.${SOUNDING_CLASS}`)) {
    if (!wanted.has(element.id)) element.classList.remove(SOUNDING_CLASS);
  }
  for (const id of wanted) {
    const element = container.querySelector(`#${CSS.escape(id)}`);
    if (element && !element.classList.contains(SOUNDING_CLASS)) element.classList.add(SOUNDING_CLASS);
  }
}
