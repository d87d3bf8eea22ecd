import type { Score, ScoreMetadata } from '@cadenza/core';
import { writeMusicXml } from '@cadenza/formats';
import { EngravingError } from './engraving-error.js';
import { MUSIC_FONTS, type MusicFontName } from './music-font.js';
import { PAGE_SIZES, pageDimensions, type PageDimensions, type PageSize } from './page-size.js';
import { withPaperSize } from './svg-style.js';
import { withChordSigns, withoutCredits, withTitleHeader } from './verovio-input.js';
import { withVerovio } from './verovio-toolkit.js';
import type { VerovioOptions, VerovioTimemapEntry } from './verovio-types.js';

export interface EngraveOptions {
  /** Paper: 'a4' (default) or 'letter'. */
  readonly pageSize?: PageSize;
  /** Turn the page sideways. Default false. */
  readonly landscape?: boolean;
  /**
   * Staff size in percent of verovio's standard, 25–200 (default 100: 7.2 mm from the top to the bottom
   * staff line, a usual size for piano music). Smaller staves fit more music on a page.
   */
  readonly scale?: number;
  /** SMuFL music font (default Leipzig, verovio's own). */
  readonly musicFont?: MusicFontName;
}

/** A score laid out on pages: verovio's SVG, one string per page, with what printing them needs. */
export interface EngravedScore {
  /**
   * One SVG document per page, in order: verovio's output (note ids kept, music font embedded as WOFF2),
   * sized in millimetres.
   */
  readonly pages: readonly string[];
  readonly pageSize: PageSize;
  readonly landscape: boolean;
  /** The physical page. Each SVG's viewBox covers exactly this page. */
  readonly dimensions: PageDimensions;
  readonly musicFont: MusicFontName;
  /** Title, composer… (PDF metadata uses them). */
  readonly metadata: ScoreMetadata;
  /** The MusicXML that verovio engraved. */
  readonly musicXml: string;
  /** When each note sounds (ms at the score's tempo marks), with the SVG ids of its note heads. */
  readonly timemap: readonly VerovioTimemapEntry[];
}

/** verovio's page units are tenths of a millimetre at scale 100. */
const UNITS_PER_MM = 10;
/** Page margins in millimetres (at any scale). */
const MARGIN_MM = { left: 12, right: 12, top: 10, bottom: 10 } as const;
const MIN_SCALE = 25;
const MAX_SCALE = 200;

function checkOptions(options: EngraveOptions): Required<EngraveOptions> {
  const pageSize = options.pageSize ?? 'a4';
  if (!PAGE_SIZES.includes(pageSize)) {
    throw new EngravingError('bad-option', `unknown page size "${String(pageSize)}": use a4 or letter`);
  }
  const scale = options.scale ?? 100;
  if (!Number.isFinite(scale) || scale < MIN_SCALE || scale > MAX_SCALE) {
    throw new EngravingError(
      'bad-option',
      `scale ${scale} is out of range: use ${MIN_SCALE}–${MAX_SCALE} percent`,
    );
  }
  const musicFont = options.musicFont ?? 'Leipzig';
  if (!MUSIC_FONTS.includes(musicFont)) {
    throw new EngravingError(
      'bad-option',
      `unknown music font "${String(musicFont)}": use ${MUSIC_FONTS.join(', ')}`,
    );
  }
  return { pageSize, scale, musicFont, landscape: options.landscape ?? false };
}

/**
 * verovio options for printed pages. The layout is computed in units where the staff has a fixed size,
 * so a smaller `scale` means a page more units wide; verovio then zooms by `scale`, which brings the SVG
 * back to the paper's size (about ten SVG pixels per millimetre).
 */
export function printVerovioOptions(
  dimensions: PageDimensions,
  scale: number,
  musicFont: MusicFontName,
): VerovioOptions {
  const units = (mm: number): number => Math.round((mm * UNITS_PER_MM * 100) / scale);
  return {
    pageWidth: units(dimensions.widthMm),
    pageHeight: units(dimensions.heightMm),
    pageMarginLeft: units(MARGIN_MM.left),
    pageMarginRight: units(MARGIN_MM.right),
    pageMarginTop: units(MARGIN_MM.top),
    pageMarginBottom: units(MARGIN_MM.bottom),
    scale,
    font: musicFont,
    adjustPageHeight: false,
    breaks: 'auto',
    header: 'auto',
    // 'auto' would print verovio's logo; page numbers come from our own footer-less layout.
    footer: 'none',
    svgViewBox: true,
    svgFormatRaw: true,
    smuflTextFont: 'embedded',
    // The same score always gets the same SVG ids (stable output, cacheable pages).
    xmlIdSeed: 1,
  };
}

/**
 * Engraves a score onto pages: Score → MusicXML (`writeMusicXml`) → verovio → one SVG per page. The
 * title, subtitle and composer from the score's metadata head the first page; chord symbols and the
 * metronome mark use the music font for ♭, ♯ and the note. Throws EngravingError for bad options or a
 * score that cannot be engraved.
 */
export async function engraveScore(score: Score, options: EngraveOptions = {}): Promise<EngravedScore> {
  const { pageSize, scale, musicFont, landscape } = checkOptions(options);
  const dimensions = pageDimensions(pageSize, landscape);
  let musicXml: string;
  try {
    musicXml = withChordSigns(withoutCredits(writeMusicXml(score)));
  } catch (error) {
    throw new EngravingError('invalid', `the score cannot be engraved: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const { pages, timemap } = await withVerovio((tk) => {
    tk.setOptions(printVerovioOptions(dimensions, scale, musicFont));
    if (!tk.loadData(musicXml)) {
      throw new EngravingError('invalid', `the engraver could not read the score: ${tk.getLog().trim()}`);
    }
    // Reload as MEI with the credits where verovio's page header looks for them.
    if (!tk.loadData(withTitleHeader(tk.getMEI(), score.metadata))) {
      throw new EngravingError('invalid', `the engraver could not lay out the score: ${tk.getLog().trim()}`);
    }
    const count = tk.getPageCount();
    if (count < 1) throw new EngravingError('invalid', 'the engraver produced no pages for this score');
    return {
      pages: Array.from({ length: count }, (_, i) =>
        withPaperSize(tk.renderToSVG(i + 1, false), dimensions.widthMm, dimensions.heightMm),
      ),
      timemap: tk.renderToTimemap({ includeMeasures: true }),
    };
  });
  return { pages, pageSize, landscape, dimensions, musicFont, metadata: score.metadata, musicXml, timemap };
}
