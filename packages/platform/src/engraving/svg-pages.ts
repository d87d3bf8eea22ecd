import { Resvg } from '@resvg/resvg-js';
import type { Score } from '@cadenza/core';
import { engraveScore, type EngravedScore, type EngraveOptions } from './engrave.js';
import { engravingFonts, resvgFontOptions, type EngravingFonts } from './engraving-fonts.js';
import { resvgReadySvg, withPaperSize } from './svg-style.js';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/**
 * Engraved pages as standalone SVG files that look the same in any viewer: resvg's usvg rewrites each
 * page with every glyph (music-font text such as ♩ and ♭, and the words) as outlines, `<use>`
 * references resolved and CSS applied as attributes, so no font and no stylesheet is needed. Pages are
 * sized in millimetres, so they print at the paper's size. (The SVG ids of notes do not survive; use
 * `engraveScore`'s pages for interactive views.)
 */
export async function engravedToSvgs(engraved: EngravedScore, fonts?: EngravingFonts): Promise<string[]> {
  const resolved = fonts ?? (await engravingFonts(engraved.musicFont, engraved.pages));
  const font = resvgFontOptions(resolved);
  const { widthMm, heightMm } = engraved.dimensions;
  const sizeAdjust = resolved.text?.sizeAdjust ?? 1;
  return engraved.pages.map((page) => {
    const outlined = new Resvg(resvgReadySvg(page, sizeAdjust, resolved.text?.family), { font }).toString();
    return XML_DECLARATION + withPaperSize(outlined, widthMm, heightMm);
  });
}

/** Engraves a score and returns each page as a standalone SVG document (see engravedToSvgs). */
export async function renderSvgPages(score: Score, options: EngraveOptions = {}): Promise<string[]> {
  return engravedToSvgs(await engraveScore(score, options));
}
