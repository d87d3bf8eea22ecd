import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Score } from '@cadenza/core';
import { engraveScore, type EngravedScore, type EngraveOptions } from './engrave.js';
import { engravingFonts, type EngravingFonts } from './engraving-fonts.js';
import { MUSIC_FONTS } from './music-font.js';
import { pdfReadySvg } from './svg-style.js';

interface SvgToPdfOptions {
  readonly width?: number;
  readonly height?: number;
  readonly preserveAspectRatio?: string;
  readonly assumePt?: boolean;
  readonly fontCallback?: (family: string, bold: boolean, italic: boolean, faux: FauxStyle) => string;
  readonly warningCallback?: (message: string) => void;
}
interface FauxStyle {
  fauxBold: boolean;
  fauxItalic: boolean;
}
/** svg-to-pdfkit (MIT) is CommonJS without types: `SVGtoPDF(doc, svg, x, y, options)`. */
type SvgToPdf = (
  doc: PDFKit.PDFDocument,
  svg: string,
  x: number,
  y: number,
  options?: SvgToPdfOptions,
) => void;

const MUSIC_FONT_NAMES: readonly string[] = MUSIC_FONTS;

/** Registers the fonts with the document and answers svg-to-pdfkit's "which font for this text?". */
function registerFonts(doc: PDFKit.PDFDocument, fonts: EngravingFonts): SvgToPdfOptions['fontCallback'] {
  for (const music of fonts.music) doc.registerFont(music.family, Buffer.from(music.ttf));
  const text = fonts.text;
  if (text) {
    doc.registerFont('Text', text.regular);
    if (text.bold) doc.registerFont('Text-Bold', text.bold);
    if (text.italic) doc.registerFont('Text-Italic', text.italic);
    if (text.boldItalic) doc.registerFont('Text-BoldItalic', text.boldItalic);
  }
  const musicFamilies = new Set(fonts.music.map((m) => m.family as string));
  return (family, bold, italic, faux) => {
    const name =
      family
        .split(',')[0]
        ?.trim()
        .replace(/^['"]|['"]$/g, '') ?? '';
    if (musicFamilies.has(name)) return name;
    if (MUSIC_FONT_NAMES.includes(name)) return fonts.music[0]?.family ?? name;
    if (!text) {
      // PDF's standard Times (Latin text only) when no text font is installed.
      return bold ? (italic ? 'Times-BoldItalic' : 'Times-Bold') : italic ? 'Times-Italic' : 'Times-Roman';
    }
    if (bold && italic && text.boldItalic) return 'Text-BoldItalic';
    if (bold && (!italic || !text.italic) && text.bold) {
      faux.fauxItalic = italic;
      return 'Text-Bold';
    }
    if (italic && text.italic) {
      faux.fauxBold = bold;
      return 'Text-Italic';
    }
    faux.fauxBold = bold;
    faux.fauxItalic = italic;
    return 'Text';
  };
}

/** Draws engraved pages into a vector PDF, one PDF page per SVG page, fonts embedded (subset). */
export async function engravedToPdf(engraved: EngravedScore, fonts?: EngravingFonts): Promise<Uint8Array> {
  const svgToPdf = createRequire(import.meta.url)('svg-to-pdfkit') as SvgToPdf;
  const resolved = fonts ?? (await engravingFonts(engraved.musicFont, engraved.pages));
  const { widthPt, heightPt } = engraved.dimensions;
  const { title, subtitle, composer } = engraved.metadata;
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: [widthPt, heightPt],
    margin: 0,
    info: {
      ...(title ? { Title: subtitle ? `${title}: ${subtitle}` : title } : {}),
      ...(composer ? { Author: composer } : {}),
      Creator: 'Cadenza',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const fontCallback = registerFonts(doc, resolved);
  const warnings: string[] = [];
  for (const svg of engraved.pages) {
    doc.addPage({ size: [widthPt, heightPt], margin: 0 });
    svgToPdf(doc, pdfReadySvg(svg, resolved.text?.sizeAdjust ?? 1), 0, 0, {
      width: widthPt,
      height: heightPt,
      assumePt: true,
      preserveAspectRatio: 'xMidYMid meet',
      ...(fontCallback ? { fontCallback } : {}),
      warningCallback: (message) => warnings.push(message),
    });
  }
  doc.end();
  await finished;
  const fontProblems = warnings.filter((w) => /font/i.test(w));
  if (fontProblems.length > 0) throw new Error(`PDF fonts failed: ${fontProblems.slice(0, 3).join('; ')}`);
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * A score as a vector PDF on A4 or Letter, as many pages as the engraving needs; Title and Author in the
 * PDF metadata come from the score's title and composer.
 */
export async function renderPdf(score: Score, options: EngraveOptions = {}): Promise<Uint8Array> {
  return engravedToPdf(await engraveScore(score, options));
}
