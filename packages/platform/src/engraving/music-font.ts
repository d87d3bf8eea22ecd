import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withVerovio } from './verovio-toolkit.js';

/** Music fonts verovio 6 ships (SMuFL); Leipzig is its default. */
export const MUSIC_FONTS = ['Leipzig', 'Bravura', 'Gootville', 'Leland', 'Petaluma'] as const;
export type MusicFontName = (typeof MUSIC_FONTS)[number];

/** wawoff2 (MIT) is Google's WOFF2 decoder compiled to WebAssembly; CommonJS, no types. */
const WAWOFF2 = 'wawoff2';
interface Wawoff2 {
  readonly decompress: (woff2: Uint8Array) => Promise<Uint8Array>;
}

/** One `@font-face` that verovio embedded in an SVG. */
export interface EmbeddedFontFace {
  readonly family: string;
  /** The font file as embedded (WOFF2 for verovio 6). */
  readonly bytes: Uint8Array;
  readonly mediaType: string;
}

const FONT_FACE =
  /@font-face\s*{[^}]*?font-family:\s*'([^']+)';\s*src:\s*url\(data:([^;,]+)(?:;[^;,]*)*;base64,([A-Za-z0-9+/=]+)\)/g;

/** The fonts embedded in a verovio SVG as data URLs (verovio embeds its music font for text such as ♩ or ♭). */
export function embeddedFontFaces(svg: string): EmbeddedFontFace[] {
  return [...svg.matchAll(FONT_FACE)].map((m) => ({
    family: m[1] ?? '',
    mediaType: m[2] ?? '',
    bytes: new Uint8Array(Buffer.from(m[3] ?? '', 'base64')),
  }));
}

/** Converts WOFF2 bytes to the TrueType/OpenType font inside them (what resvg and pdfkit read). */
export async function woff2ToSfnt(woff2: Uint8Array): Promise<Uint8Array> {
  const magic = String.fromCharCode(...woff2.subarray(0, 4));
  if (magic !== 'wOF2') throw new Error(`not a WOFF2 font (starts with "${magic}")`);
  const { decompress } = (await import(WAWOFF2)) as Wawoff2;
  return new Uint8Array(await decompress(woff2));
}

/**
 * A tiny score whose SVG must use the music font for text: verovio embeds the font only when some text
 * (here the ♩ of a metronome mark) needs it.
 */
const FONT_PROBE = `<?xml version="1.0" encoding="UTF-8"?>
<score-partwise version="4.0"><part-list><score-part id="P1"><part-name>P</part-name></score-part></part-list>
<part id="P1"><measure number="1"><attributes><divisions>1</divisions><clef><sign>G</sign><line>2</line></clef></attributes>
<direction placement="above"><direction-type><metronome><beat-unit>quarter</beat-unit><per-minute>60</per-minute></metronome></direction-type></direction>
<note><pitch><step>C</step><octave>5</octave></pitch><duration>4</duration><type>whole</type></note></measure></part></score-partwise>`;

/**
 * Cache of decoded music fonts per family: the font never changes within one verovio version, so it is
 * decoded once per process (lazily, on the first engraving that needs it).
 */
const ttfCache = new Map<string, Promise<Uint8Array>>();

/**
 * verovio's music font as TrueType bytes, for resvg and pdfkit: the glyphs verovio writes as text
 * (metronome notes, ♭ and ♯ in chord symbols) are private-use SMuFL code points only this font has.
 * verovio embeds it in its SVG as WOFF2; this decodes it once and caches it.
 */
export function musicFontTtf(family: MusicFontName = 'Leipzig'): Promise<Uint8Array> {
  let cached = ttfCache.get(family);
  if (!cached) {
    cached = loadMusicFont(family).catch((error: unknown) => {
      ttfCache.delete(family);
      throw error;
    });
    ttfCache.set(family, cached);
  }
  return cached;
}

async function loadMusicFont(family: MusicFontName): Promise<Uint8Array> {
  const svg = await withVerovio((tk) => {
    tk.setOptions({ font: family, smuflTextFont: 'embedded' });
    if (!tk.loadData(FONT_PROBE)) throw new Error(`verovio could not load its font probe: ${tk.getLog()}`);
    return tk.renderToSVG(1);
  });
  const face = embeddedFontFaces(svg).find((f) => f.family === family);
  if (!face) throw new Error(`verovio did not embed the ${family} music font in its SVG`);
  return woff2ToSfnt(face.bytes);
}

const fileCache = new Map<string, Promise<string>>();

/**
 * The music font as a file on disk (resvg 2.6 loads fonts only from files): written once per process
 * under the system temp directory, named by its content hash, so concurrent processes share it safely.
 */
export function musicFontFile(family: MusicFontName = 'Leipzig'): Promise<string> {
  let cached = fileCache.get(family);
  if (!cached) {
    cached = musicFontTtf(family).then((ttf) => {
      const hash = createHash('sha256').update(ttf).digest('hex').slice(0, 16);
      const dir = join(tmpdir(), 'cadenza-fonts');
      const path = join(dir, `${family}-${hash}.ttf`);
      if (!existsSync(path)) {
        mkdirSync(dir, { recursive: true });
        const partial = `${path}.${process.pid}.part`;
        writeFileSync(partial, ttf);
        // rename is atomic: another process either sees no file or the whole file
        renameSync(partial, path);
      }
      return path;
    });
    cached.catch(() => fileCache.delete(family));
    fileCache.set(family, cached);
  }
  return cached;
}
