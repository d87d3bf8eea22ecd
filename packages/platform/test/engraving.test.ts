// Engraving: a 32-bar grand-staff study → SVG pages, PDF, PNG and standalone SVG, checked with
// independent tools (pdfinfo, pdftoppm, pdftotext, xmllint) and by looking at pixels.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScore, rat } from '@cadenza/core';
import {
  engraveScore,
  engravedToPdf,
  engravedToPngs,
  engravedToSvgs,
  EngravingError,
  findTextFonts,
  pageDimensions,
  pagePixels,
  renderPdf,
  renderPng,
  type EngravedScore,
} from '@cadenza/platform';
import { grandStaffStudy, STUDY_COMPOSER, STUDY_TITLE } from './engraving-fixtures.js';
import { decodePgm, decodePng, glyphShape, hasTool, inkFraction, runTool } from './engraving-pixels.js';

const CI = process.env.CI === 'true';
const XSD = fileURLToPath(new URL('../../../../shared/schemas/musicxml/musicxml.xsd', import.meta.url));
const poppler = hasTool('pdftoppm') && hasTool('pdfinfo') && hasTool('pdftotext');
const xmllint = hasTool('xmllint', '--version');
if (!CI && !poppler)
  console.warn('skipping the PDF checks: poppler-utils (pdftoppm, pdfinfo) is not installed');
if (!CI && !xmllint) console.warn('skipping the XML and XSD checks: xmllint is not installed');
/** Under CI the tools must be there: run (and fail) instead of skipping. */
const withPoppler = it.skipIf(!poppler && !CI);
const withXmllint = it.skipIf(!xmllint && !CI);

const BARS = 32;
const NOTES_PER_BAR = 4 + 3; // four right-hand quarters over a three-note left-hand chord

let dir: string;
let a4: EngravedScore;
let pdf: Uint8Array;

/** Runs a poppler tool on PDF bytes written to the scratch directory. */
function pdfFile(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

function pdfInfo(path: string): {
  pages: number;
  widthPt: number;
  heightPt: number;
  title: string;
  author: string;
} {
  const text = runTool('pdfinfo', [path]).toString('utf8');
  const field = (name: string): string => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(text)?.[1]?.trim() ?? '';
  const size = /^Page size:\s*([\d.]+) x ([\d.]+) pts/m.exec(text);
  return {
    pages: Number(field('Pages')),
    widthPt: Number(size?.[1]),
    heightPt: Number(size?.[2]),
    title: field('Title'),
    author: field('Author'),
  };
}

/** pdftoppm every page at `dpi` as greyscale PGM. */
function pdfPagesGrey(
  path: string,
  dpi: number,
  extra: readonly string[] = [],
): ReturnType<typeof decodePgm>[] {
  const prefix = join(dir, `grey-${dpi}-${Math.random().toString(36).slice(2)}`);
  runTool('pdftoppm', ['-r', String(dpi), '-gray', ...extra, path, prefix]);
  return readdirSync(dir)
    .filter((f) => join(dir, f).startsWith(prefix))
    .sort()
    .map((f) => decodePgm(new Uint8Array(readFileSync(join(dir, f)))));
}

/** The music-font characters verovio wrote as text inside groups of one class ("harm", "tempo"). */
function musicGlyphsIn(svg: string, className: string): string[] {
  const groups = svg.match(new RegExp(`<g [^>]*class="${className}"[^>]*>[\\s\\S]*?</g>`, 'g')) ?? [];
  return groups.flatMap((g) =>
    [...g.matchAll(/<tspan font-family="Leipzig"[^>]*>([^<]+)<\/tspan>/g)].map((m) => m[1] ?? ''),
  );
}

/** One music-font glyph alone on a small page, at the size verovio uses for text glyphs. */
function loneGlyphSvg(glyph: string): string {
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="20mm" height="20mm" viewBox="0 0 2000 2000">' +
    `<text x="700" y="1300" font-size="0px"><tspan font-family="Leipzig" font-size="720px">${glyph}</tspan></text></svg>`
  );
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cadenza-engraving-'));
  a4 = await engraveScore(grandStaffStudy(BARS));
  pdf = await engravedToPdf(a4);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('engraving a 32-bar grand-staff study', () => {
  it('engraves every bar and every note, on A4 pages sized in millimetres', () => {
    const all = a4.pages.join('');
    expect(all.match(/class="measure"/g)).toHaveLength(BARS);
    expect(all.match(/class="note"/g)).toHaveLength(BARS * NOTES_PER_BAR);
    for (const page of a4.pages)
      expect(page).toMatch(/^<svg width="210mm" height="297mm" viewBox="0 0 2100 2970"/);
    expect(a4.dimensions).toMatchObject({ widthMm: 210, heightMm: 297 });
  });

  it('has a timemap whose last note ends after 128 beats at ♩ = 96 (80 s)', () => {
    const last = a4.timemap.at(-1);
    expect(last?.tstamp).toBeCloseTo((BARS * 4 * 60_000) / 96, 6);
    expect(a4.timemap[0]?.tempo).toBe(96);
  });

  it('heads the first page with the title and the composer', () => {
    const header = /class="pgHead[^"]*"[\s\S]*?<\/g>/.exec(a4.pages[0] ?? '')?.[0] ?? '';
    expect(header).toContain(STUDY_TITLE);
    expect(header).toContain(STUDY_COMPOSER);
  });

  it('prints every credit: title, subtitle, composer and arranger, with XML-special characters', async () => {
    const score = createScore({
      metadata: { title: 'Études & <Dances>', subtitle: 'No. 2 "in $1"', composer: 'Fauré', arranger: 'Ann' },
      parts: [{ notes: grandStaffStudy(1).parts[0]?.notes ?? [] }],
    });
    const [page] = (await engraveScore(score)).pages;
    const header = (/class="pgHead[^"]*"[\s\S]*?<\/g>/.exec(page ?? '')?.[0] ?? '').replace(
      /<title[^>]*>[^<]*<\/title>/g,
      '',
    );
    const words = header.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(words).toContain('Études &amp; &lt;Dances&gt;');
    expect(words).toContain('No. 2 "in $1"');
    expect(words).toContain('Fauré, arr. Ann');
  });

  it('writes chord-symbol flats and sharps, and the metronome note, as music-font glyphs, never as letters', () => {
    const page = a4.pages[0] ?? '';
    const harmonyGlyphs = new Set(musicGlyphsIn(page, 'harm'));
    expect(harmonyGlyphs.size).toBeGreaterThanOrEqual(2); // ♭ (B♭7, E♭, /B♭) and ♯ (F♯, ♯11)
    expect(musicGlyphsIn(page, 'tempo')).toHaveLength(1); // ♩ of ♩ = 96
    const harmonyText = (page.match(/<g [^>]*class="harm"[^>]*>[\s\S]*?<\/g>/g) ?? []).join('');
    // "m7b5" and "#11" must not survive as the letters b and #.
    expect(harmonyText).not.toMatch(/>[^<]*[b#]\d[^<]*</);
  });

  withXmllint('feeds verovio MusicXML that validates against the MusicXML 4.0 XSD', () => {
    const file = join(dir, 'study.musicxml');
    writeFileSync(file, a4.musicXml);
    const run = runTool('xmllint', ['--noout', '--nonet', '--schema', XSD, file]);
    expect(run.toString()).toBe('');
  });

  withXmllint('writes SVG pages and standalone SVG pages that are well-formed XML', async () => {
    const standalone = await engravedToSvgs(a4);
    const files = [...a4.pages, ...standalone].map((svg, i) => {
      const file = join(dir, `page-${i}.svg`);
      writeFileSync(file, svg);
      return file;
    });
    expect(() => runTool('xmllint', ['--noout', '--nonet', ...files])).not.toThrow();
  });
});

describe('PDF', () => {
  withPoppler('has as many A4 pages as verovio laid out, and pdftoppm renders each with ink', () => {
    const path = pdfFile('a4.pdf', pdf);
    const info = pdfInfo(path);
    expect(info.pages).toBe(a4.pages.length);
    expect(info.widthPt).toBeCloseTo(595.28, 1);
    expect(info.heightPt).toBeCloseTo(841.89, 1);
    runTool('pdftoppm', ['-r', '50', '-png', path, join(dir, 'a4-png')]);
    expect(readdirSync(dir).filter((f) => f.startsWith('a4-png') && f.endsWith('.png'))).toHaveLength(
      info.pages,
    );
    for (const page of pdfPagesGrey(path, 50)) {
      const ink = inkFraction(page);
      expect(ink).toBeGreaterThan(0.01);
      expect(ink).toBeLessThan(0.25);
    }
  });

  withPoppler('names the piece: Title and Author metadata, and the words on the page', () => {
    const path = pdfFile('a4-text.pdf', pdf);
    const info = pdfInfo(path);
    expect(info.title).toBe(STUDY_TITLE);
    expect(info.author).toBe(STUDY_COMPOSER);
    const text = runTool('pdftotext', [path, '-']).toString('utf8');
    expect(text).toContain(STUDY_TITLE);
    expect(text).toContain(STUDY_COMPOSER);
    expect(text).toContain('= 96');
  });

  withPoppler(
    'prints on Letter (612 × 792 pt), and bigger staves spread the same music over more pages',
    async () => {
      const letter = await engraveScore(grandStaffStudy(BARS), { pageSize: 'letter', scale: 140 });
      expect(letter.pages.length).toBeGreaterThan(a4.pages.length);
      expect(letter.pages.length).toBeGreaterThanOrEqual(2);
      const path = pdfFile('letter.pdf', await engravedToPdf(letter));
      const info = pdfInfo(path);
      expect(info).toMatchObject({ pages: letter.pages.length, widthPt: 612, heightPt: 792 });
      expect(pdfPagesGrey(path, 30)).toHaveLength(letter.pages.length);
      // every bar still engraved once
      expect(letter.pages.join('').match(/class="measure"/g)).toHaveLength(BARS);
    },
  );

  withPoppler('turns A4 sideways in landscape (841.89 × 595.28 pt)', async () => {
    const bytes = await renderPdf(grandStaffStudy(8), { landscape: true });
    const info = pdfInfo(pdfFile('landscape.pdf', bytes));
    expect(info.widthPt).toBeCloseTo(841.89, 1);
    expect(info.heightPt).toBeCloseTo(595.28, 1);
  });

  withPoppler('draws staff lines at their engraved thickness (stroked, not hairlines)', () => {
    const page = a4.pages[0] ?? '';
    // verovio's staff line: stroke-width in its inner viewBox, which spans the page width.
    const strokeWidth = Number(/class="staff">\s*<path d="[^"]*" stroke-width="(\d+)"/.exec(page)?.[1]);
    const innerWidth = Number(/class="definition-scale"[^>]*viewBox="0 0 (\d+)/.exec(page)?.[1]);
    const expectedMm = (strokeWidth * 210) / innerWidth;
    expect(expectedMm).toBeGreaterThan(0.08);
    const dpi = 600;
    // A band across the first system: rows whose ink runs most of the way across are staff lines.
    const [grey] = pdfPagesGrey(pdfFile('lines.pdf', pdf), dpi, [
      '-f',
      '1',
      '-l',
      '1',
      '-y',
      '0',
      '-H',
      '2400',
    ]);
    if (!grey) throw new Error('pdftoppm rendered nothing');
    const lineRows: number[] = [];
    for (let y = 0; y < grey.height; y++) {
      let ink = 0;
      for (let x = 0; x < grey.width; x++) ink += 255 - (grey.pixels[y * grey.width + x] ?? 255);
      lineRows.push(ink / 255 / grey.width);
    }
    // Group consecutive rows covered over a quarter of the width into lines; sum ink across each line.
    const lines: number[] = [];
    let current = 0;
    for (const coverage of lineRows) {
      if (coverage > 0.25) current += coverage;
      else if (current > 0) {
        lines.push(current);
        current = 0;
      }
    }
    expect(lines.length).toBeGreaterThanOrEqual(10); // both staves of the first system at least
    const thicknessPx = lines.slice(0, 10).map((ink) => ink / 0.8); // a line spans ~80 % of the width
    const expectedPx = (expectedMm / 25.4) * dpi;
    for (const px of thicknessPx) {
      expect(px).toBeGreaterThan(expectedPx * 0.6);
      expect(px).toBeLessThan(expectedPx * 1.6);
    }
  });
});

describe('PNG', () => {
  it('renders each page at the requested dpi, black on white, neither blank nor black', async () => {
    const pngs = await engravedToPngs(a4, { dpi: 100 });
    expect(pngs).toHaveLength(a4.pages.length);
    const expected = pagePixels(pageDimensions('a4'), 100);
    for (const png of pngs) {
      const grey = decodePng(png);
      expect(Math.abs(grey.width - expected.width)).toBeLessThanOrEqual(1);
      expect(Math.abs(grey.height - expected.height)).toBeLessThanOrEqual(1);
      expect(grey.pixels[0]).toBe(255); // white paper in the corner
      const ink = inkFraction(grey);
      expect(ink).toBeGreaterThan(0.01);
      expect(ink).toBeLessThan(0.25);
    }
  });

  it('standalone SVG pages draw the same picture with no fonts at all (glyphs are outlines)', async () => {
    const [standalone] = await engravedToSvgs(a4);
    expect(standalone).not.toContain('<text');
    const bare = new Resvg(standalone ?? '', {
      fitTo: { mode: 'zoom', value: 100 / 96 },
      background: 'white',
      font: { loadSystemFonts: false },
    });
    const withoutFonts = inkFraction(decodePng(new Uint8Array(bare.render().asPng())));
    const [png] = await engravedToPngs(a4, { dpi: 100 });
    const withFonts = inkFraction(decodePng(png ?? new Uint8Array()));
    expect(withoutFonts).toBeGreaterThan(withFonts * 0.95);
    expect(withoutFonts).toBeLessThan(withFonts * 1.05);
  });
});

describe('music-font glyphs reach the renderers (no missing-glyph boxes)', () => {
  const glyphs = (): string[] => {
    const page = a4.pages[0] ?? '';
    return [...new Set([...musicGlyphsIn(page, 'harm'), ...musicGlyphsIn(page, 'tempo')])];
  };

  it('the box detector sees the hollow box a font without the glyph draws', () => {
    // Control: the same ♭ rendered with only the text font, which lacks it, is a .notdef box.
    const text = findTextFonts();
    if (!text && CI) throw new Error('CI needs fonts-dejavu-core');
    if (!text) return;
    const [flat] = glyphs();
    const image = new Resvg(loneGlyphSvg(flat ?? ''), {
      fitTo: { mode: 'zoom', value: 300 / 96 },
      background: 'white',
      font: { loadSystemFonts: false, fontFiles: [text.regular], defaultFontFamily: text.family },
    }).render();
    expect(glyphShape(decodePng(new Uint8Array(image.asPng())))).toBe('hollow-box');
  });

  it('PNG: every chord-symbol accidental and the metronome note render as glyphs', async () => {
    const found = glyphs();
    expect(found.length).toBeGreaterThanOrEqual(3);
    for (const glyph of found) {
      const png = await renderPng(loneGlyphSvg(glyph), { dpi: 300 });
      expect(glyphShape(decodePng(png)), `U+${glyph.codePointAt(0)?.toString(16)}`).toBe('glyph');
    }
  });

  withPoppler('PDF: every chord-symbol accidental and the metronome note render as glyphs', async () => {
    const found = glyphs();
    for (const glyph of found) {
      const lone: EngravedScore = {
        ...a4,
        pages: [loneGlyphSvg(glyph)],
        dimensions: { widthMm: 20, heightMm: 20, widthPt: (20 / 25.4) * 72, heightPt: (20 / 25.4) * 72 },
      };
      const [grey] = pdfPagesGrey(pdfFile('glyph.pdf', await engravedToPdf(lone)), 300);
      if (!grey) throw new Error('pdftoppm rendered nothing');
      expect(glyphShape(grey), `U+${glyph.codePointAt(0)?.toString(16)}`).toBe('glyph');
    }
    // and the whole study's PDF embeds the music font
    expect(runTool('pdffonts', [pdfFile('fonts.pdf', pdf)]).toString()).toMatch(/\+Leipzig\s/);
  });
});

describe('bad input', () => {
  it('rejects options that do not exist', async () => {
    const score = grandStaffStudy(1);
    await expect(engraveScore(score, { scale: 5 })).rejects.toMatchObject({ code: 'bad-option' });
    await expect(engraveScore(score, { pageSize: 'a3' as 'a4' })).rejects.toThrow(/a4 or letter/);
    await expect(
      renderPng('<svg xmlns="http://www.w3.org/2000/svg"/>', { dpi: 5000 }),
    ).rejects.toBeInstanceOf(EngravingError);
  });

  it('rejects a score with no parts as invalid', async () => {
    const empty = createScore({ parts: [], chordSymbols: [{ position: rat(0), symbol: 'C' }] });
    await expect(engraveScore(empty)).rejects.toMatchObject({ name: 'EngravingError', code: 'invalid' });
  });
});
