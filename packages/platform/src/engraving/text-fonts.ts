import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Fonts for the words on a page (title, composer, tempo words, chord-symbol letters). verovio writes
 * them with `font-family="Times, serif"` and spaces them by Times metrics. Cadenza ships no text font;
 * PNG and PDF rendering use an installed free font: Liberation Serif (Times metrics) when present, else
 * DejaVu (Debian's fonts-dejavu-core, which CI installs) scaled to Times widths by `sizeAdjust`.
 */
export interface TextFontFiles {
  /** The family name inside the font files, e.g. "DejaVu Serif". */
  readonly family: string;
  readonly regular: string;
  readonly bold?: string;
  readonly italic?: string;
  readonly boldItalic?: string;
  /**
   * Factor for the font size so that this font's words are as wide as Times's: measured as the width of
   * chord symbols, tempo marks and titles in Times (pdfkit's AFM metrics) over their width in this font.
   */
  readonly sizeAdjust: number;
}

/** Where Debian, Fedora, Arch and Homebrew-style installs keep these fonts. */
export const DEFAULT_TEXT_FONT_DIRS: readonly string[] = [
  '/usr/share/fonts/truetype/liberation2',
  '/usr/share/fonts/truetype/liberation',
  '/usr/share/fonts/liberation-serif',
  '/usr/share/fonts/truetype/dejavu',
  '/usr/share/fonts/dejavu',
  '/usr/share/fonts/dejavu-serif-fonts',
  '/usr/share/fonts/TTF',
  '/usr/local/share/fonts',
  '/opt/homebrew/share/fonts',
];

interface Candidate {
  readonly family: string;
  /** File names without `.ttf`. */
  readonly regular: string;
  readonly bold: string;
  readonly italic: string;
  readonly boldItalic: string;
  readonly sizeAdjust: number;
}

/** Best match for verovio's Times layout first. */
const CANDIDATES: readonly Candidate[] = [
  {
    family: 'Liberation Serif',
    regular: 'LiberationSerif-Regular',
    bold: 'LiberationSerif-Bold',
    italic: 'LiberationSerif-Italic',
    boldItalic: 'LiberationSerif-BoldItalic',
    sizeAdjust: 1,
  },
  {
    family: 'DejaVu Serif Condensed',
    regular: 'DejaVuSerifCondensed',
    bold: 'DejaVuSerifCondensed-Bold',
    italic: 'DejaVuSerifCondensed-Italic',
    boldItalic: 'DejaVuSerifCondensed-BoldItalic',
    sizeAdjust: 0.88,
  },
  {
    family: 'DejaVu Serif',
    regular: 'DejaVuSerif',
    bold: 'DejaVuSerif-Bold',
    italic: 'DejaVuSerif-Italic',
    boldItalic: 'DejaVuSerif-BoldItalic',
    sizeAdjust: 0.79,
  },
  {
    family: 'DejaVu Sans',
    regular: 'DejaVuSans',
    bold: 'DejaVuSans-Bold',
    italic: 'DejaVuSans-Oblique',
    boldItalic: 'DejaVuSans-BoldOblique',
    sizeAdjust: 0.82,
  },
];

/**
 * The best text font found in `dirs` (its regular face is required; missing bold/italic faces are left
 * out and renderers imitate them), or undefined when none is installed: PDF then uses the PDF standard
 * Times fonts and PNG the system's serif font.
 */
export function findTextFonts(dirs: readonly string[] = DEFAULT_TEXT_FONT_DIRS): TextFontFiles | undefined {
  for (const candidate of CANDIDATES) {
    for (const dir of dirs) {
      const file = (name: string): string | undefined => {
        const path = join(dir, `${name}.ttf`);
        return existsSync(path) ? path : undefined;
      };
      const regular = file(candidate.regular);
      if (!regular) continue;
      const bold = file(candidate.bold);
      const italic = file(candidate.italic);
      const boldItalic = file(candidate.boldItalic);
      return {
        family: candidate.family,
        regular,
        ...(bold ? { bold } : {}),
        ...(italic ? { italic } : {}),
        ...(boldItalic ? { boldItalic } : {}),
        sizeAdjust: candidate.sizeAdjust,
      };
    }
  }
  return undefined;
}
