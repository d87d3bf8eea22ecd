import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { MUSIC_FONTS, musicFontFile, musicFontTtf, type MusicFontName } from './music-font.js';
import { findTextFonts, type TextFontFiles } from './text-fonts.js';

/** A music font ready for renderers: TrueType bytes (pdfkit) and a file (resvg). */
export interface LoadedMusicFont {
  readonly family: MusicFontName;
  readonly ttf: Uint8Array;
  readonly file: string;
}

/** Every font an engraved page needs, resolved once and passed to the PNG and PDF renderers. */
export interface EngravingFonts {
  /** The music fonts the pages use, the engraving's own font first. */
  readonly music: readonly LoadedMusicFont[];
  /** Text font files, or undefined when none is installed (renderers fall back, see text-fonts.ts). */
  readonly text: TextFontFiles | undefined;
}

/** Music font families named in the SVG (verovio falls back to Bravura for glyphs Leipzig lacks). */
export function musicFontsInSvg(svgs: readonly string[]): MusicFontName[] {
  const used = new Set<MusicFontName>();
  for (const svg of svgs) {
    for (const match of svg.matchAll(/font-family="([^"]+)"/g)) {
      const family = MUSIC_FONTS.find((f) => f === match[1]);
      if (family) used.add(family);
    }
  }
  return [...used];
}

/** Loads the music fonts (`primary` plus any other the pages name) and finds the text fonts. */
export async function engravingFonts(
  primary: MusicFontName = 'Leipzig',
  pages: readonly string[] = [],
): Promise<EngravingFonts> {
  const families = [primary, ...musicFontsInSvg(pages).filter((f) => f !== primary)];
  const music = await Promise.all(
    families.map(async (family) => ({
      family,
      ttf: await musicFontTtf(family),
      file: await musicFontFile(family),
    })),
  );
  return { music, text: findTextFonts() };
}

/**
 * resvg's font settings for engraved pages: the music fonts by file, verovio's "Times, serif" mapped to
 * the text font. System fonts are scanned only when no text font was found (slower, but some serif).
 */
export function resvgFontOptions(fonts: EngravingFonts): NonNullable<ResvgRenderOptions['font']> {
  const text = fonts.text;
  const textFiles = text
    ? [text.regular, text.bold, text.italic, text.boldItalic].filter((f): f is string => Boolean(f))
    : [];
  return {
    loadSystemFonts: !text,
    fontFiles: [...fonts.music.map((m) => m.file), ...textFiles],
    ...(text ? { defaultFontFamily: text.family, serifFamily: text.family } : {}),
  };
}
