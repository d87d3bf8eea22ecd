/**
 * Engraving options for a container of a given size. verovio measures pages in its own units: at `scale`
 * percent, one CSS pixel is 100 / scale units, so a page exactly as wide as the container is
 * `width * 100 / scale` units.
 */
export interface ScoreLayout {
  /** verovio zoom in percent. */
  readonly scale: number;
  /** Page width and height in verovio units. */
  readonly pageWidth: number;
  readonly pageHeight: number;
}

/** Smaller engraving on a phone so a bar or two still fits across. */
const PHONE_WIDTH_PX = 600;
/** A page of music is at most this tall on screen, so a page turn is needed for long scores. */
const PAGE_HEIGHT_PX = 560;
/** verovio refuses pages narrower than this (units). */
const MIN_PAGE_WIDTH = 100;

export function scoreLayout(containerWidthPx: number): ScoreLayout {
  const scale = containerWidthPx < PHONE_WIDTH_PX ? 40 : 55;
  const toUnits = 100 / scale;
  return {
    scale,
    pageWidth: Math.max(MIN_PAGE_WIDTH, Math.floor(containerWidthPx * toUnits)),
    pageHeight: Math.floor(PAGE_HEIGHT_PX * toUnits),
  };
}

/** Everything passed to toolkit.setOptions for a layout. */
export function verovioOptions(layout: ScoreLayout): Record<string, unknown> {
  return {
    ...layout,
    adjustPageHeight: true,
    breaks: 'auto',
    header: 'none',
    footer: 'none',
    pageMarginLeft: 20,
    pageMarginRight: 20,
    pageMarginTop: 20,
    pageMarginBottom: 20,
  };
}
