import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Fonts for the words on a page (title, composer, tempo words, chord-symbol letters). verovio writes
 * them with `font-family="Times, serif"`; Cadenza ships no text font, so PNG and PDF rendering map that
 * family onto DejaVu (free, in Debian's fonts-dejavu-core, which CI installs) when it is installed.
 */
export interface TextFontFiles {
  /** The family name inside the font files, e.g. "DejaVu Serif". */
  readonly family: string;
  readonly regular: string;
  readonly bold?: string;
  readonly italic?: string;
  readonly boldItalic?: string;
}

/** Where Debian, Fedora, Arch and Homebrew-style installs keep DejaVu. */
export const DEFAULT_TEXT_FONT_DIRS: readonly string[] = [
  '/usr/share/fonts/truetype/dejavu',
  '/usr/share/fonts/dejavu',
  '/usr/share/fonts/dejavu-serif-fonts',
  '/usr/share/fonts/TTF',
  '/usr/local/share/fonts',
  '/opt/homebrew/share/fonts',
];

/** Serif first (verovio asks for serif), then sans. */
const CANDIDATES = [
  { family: 'DejaVu Serif', base: 'DejaVuSerif', italic: 'Italic' },
  { family: 'DejaVu Sans', base: 'DejaVuSans', italic: 'Oblique' },
] as const;

/**
 * The first DejaVu family found in `dirs` (regular face required; missing bold/italic faces are left
 * out and renderers use the regular one), or undefined when none is installed: PDF then falls back to
 * the PDF standard Times fonts and PNG to the system's serif font.
 */
export function findTextFonts(dirs: readonly string[] = DEFAULT_TEXT_FONT_DIRS): TextFontFiles | undefined {
  for (const candidate of CANDIDATES) {
    for (const dir of dirs) {
      const file = (suffix: string): string | undefined => {
        const path = join(dir, `${candidate.base}${suffix}.ttf`);
        return existsSync(path) ? path : undefined;
      };
      const regular = file('');
      if (!regular) continue;
      const bold = file('-Bold');
      const italic = file(`-${candidate.italic}`);
      const boldItalic = file(`-Bold${candidate.italic}`);
      return {
        family: candidate.family,
        regular,
        ...(bold ? { bold } : {}),
        ...(italic ? { italic } : {}),
        ...(boldItalic ? { boldItalic } : {}),
      };
    }
  }
  return undefined;
}
