import { renderAsync } from '@resvg/resvg-js';
import type { Score } from '@cadenza/core';
import { engraveScore, type EngravedScore, type EngraveOptions } from './engrave.js';
import { EngravingError } from './engraving-error.js';
import { engravingFonts, resvgFontOptions, type EngravingFonts } from './engraving-fonts.js';
import { resvgReadySvg } from './svg-style.js';

export interface PngOptions {
  /** Dots per inch, 30–600 (default 150). */
  readonly dpi?: number;
  /** 'white' (default) or 'transparent'. */
  readonly background?: 'white' | 'transparent';
  /** Fonts already loaded (saves the look-up when rendering many pages). */
  readonly fonts?: EngravingFonts;
}

const MIN_DPI = 30;
const MAX_DPI = 600;
const CSS_PX_PER_INCH = 96;

function checkDpi(dpi: number): number {
  if (!Number.isFinite(dpi) || dpi < MIN_DPI || dpi > MAX_DPI) {
    throw new EngravingError('bad-option', `dpi ${dpi} is out of range: use ${MIN_DPI}–${MAX_DPI}`);
  }
  return dpi;
}

/**
 * An SVG (an engraved page, or any verovio SVG) as PNG bytes, drawn by resvg with verovio's music font
 * and the text font, so ♩, ♭ and ♯ written as text come out as glyphs, not boxes. The SVG's size is
 * read as CSS units (96 px per inch; engraved pages are in mm), so an A4 page at 150 dpi is 1240 px wide.
 */
export async function renderPng(svg: string, options: PngOptions = {}): Promise<Uint8Array> {
  const dpi = checkDpi(options.dpi ?? 150);
  const fonts = options.fonts ?? (await engravingFonts('Leipzig', [svg]));
  const image = await renderAsync(resvgReadySvg(svg, fonts.text?.sizeAdjust ?? 1, fonts.text?.family), {
    // resvg sizes the SVG at 96 px per inch (engraved pages are sized in mm), then zooms to `dpi`.
    fitTo: { mode: 'zoom', value: dpi / CSS_PX_PER_INCH },
    background: options.background === 'transparent' ? 'rgba(255, 255, 255, 0)' : 'white',
    font: resvgFontOptions(fonts),
    logLevel: 'off',
  });
  return new Uint8Array(image.asPng());
}

/** Every page of an engraving as PNG, each the paper's size at `dpi`. */
export async function engravedToPngs(
  engraved: EngravedScore,
  options: PngOptions = {},
): Promise<Uint8Array[]> {
  const fonts = options.fonts ?? (await engravingFonts(engraved.musicFont, engraved.pages));
  const pngs: Uint8Array[] = [];
  for (const svg of engraved.pages) {
    pngs.push(await renderPng(svg, { ...options, fonts }));
  }
  return pngs;
}

/** Engraves a score and renders each page as PNG (default 150 dpi on white). */
export async function renderPngPages(
  score: Score,
  options: EngraveOptions & PngOptions = {},
): Promise<Uint8Array[]> {
  checkDpi(options.dpi ?? 150);
  return engravedToPngs(await engraveScore(score, options), options);
}
