/** Paper sizes Cadenza prints on. */
export const PAGE_SIZES = ['a4', 'letter'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** A page's physical size; `widthPt`/`heightPt` in PDF points (1/72 inch), already turned for landscape. */
export interface PageDimensions {
  readonly widthMm: number;
  readonly heightMm: number;
  readonly widthPt: number;
  readonly heightPt: number;
}

/** Portrait sizes: ISO 216 A4 is 210 × 297 mm, US Letter 8.5 × 11 in. */
const PORTRAIT_MM: Record<PageSize, { readonly width: number; readonly height: number }> = {
  a4: { width: 210, height: 297 },
  letter: { width: 215.9, height: 279.4 },
};

const MM_PER_INCH = 25.4;
const POINTS_PER_INCH = 72;

export function pageDimensions(size: PageSize, landscape = false): PageDimensions {
  const portrait = PORTRAIT_MM[size];
  const widthMm = landscape ? portrait.height : portrait.width;
  const heightMm = landscape ? portrait.width : portrait.height;
  const toPt = (mm: number): number => (mm / MM_PER_INCH) * POINTS_PER_INCH;
  return { widthMm, heightMm, widthPt: toPt(widthMm), heightPt: toPt(heightMm) };
}

/** Pixels across a page at `dpi` dots per inch (rounded to whole pixels). */
export function pagePixels(page: PageDimensions, dpi: number): { width: number; height: number } {
  return {
    width: Math.round((page.widthMm / MM_PER_INCH) * dpi),
    height: Math.round((page.heightMm / MM_PER_INCH) * dpi),
  };
}
