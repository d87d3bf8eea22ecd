// What we write must be readable by a real engraver: Verovio loads it, renders it, and logs no error.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import createVerovioModule from 'verovio/wasm';
import { VerovioToolkit } from 'verovio/esm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createScore, parsePitch, rat, type Note } from '@cadenza/core';
import { readMusicXml, writeMusicXml } from '@cadenza/formats';
import { BACH_DIR } from './musicxml-test-utils.js';

let toolkit: VerovioToolkit;

interface Rendered {
  readonly loaded: boolean;
  readonly pages: string[];
  readonly log: string;
}

function render(xml: string): Rendered {
  // Verovio's wasm binding returns 1/0 for its C++ bool.
  const loaded = Boolean(toolkit.loadData(xml));
  const pages = Array.from({ length: toolkit.getPageCount() }, (_, i) => toolkit.renderToSVG(i + 1));
  return { loaded, pages, log: toolkit.getLog() };
}

const countMatches = (svgs: readonly string[], re: RegExp): number =>
  svgs.reduce((n, s) => n + [...s.matchAll(re)].length, 0);
const pitchedNotes = (xml: string): number => [...xml.matchAll(/<pitch>/g)].length;

describe('MusicXML in Verovio', () => {
  beforeAll(async () => {
    toolkit = new VerovioToolkit(await createVerovioModule());
    toolkit.setOptions({ pageWidth: 2100, pageHeight: 2970, adjustPageHeight: true });
  });

  it.skipIf(!existsSync(BACH_DIR)).each(['bwv10.7.mxl', 'bwv248.28.mxl', 'bwv362.mxl', 'bwv17.7.mxl'])(
    'loads and renders the written %s with every note and no error',
    (file) => {
      const xml = writeMusicXml(readMusicXml(new Uint8Array(readFileSync(join(BACH_DIR, file)))));
      const r = render(xml);
      expect(r.loaded).toBe(true);
      expect(r.pages[0]).toContain('<svg');
      expect(r.log).not.toMatch(/error/i);
      // Every written note (tied halves included) is engraved.
      expect(countMatches(r.pages, /class="note"/g)).toBe(pitchedNotes(xml));
    },
  );

  it('loads and renders a piano score with two right-hand voices, triplets and chord symbols', () => {
    const rh = ['E5', 'D5', 'C5', 'D5', 'E5', 'E5', 'E5'].map((p, i): Note => ({
      pitch: parsePitch(p),
      position: rat(i),
      duration: rat(1),
      staff: 1,
      voice: 1,
    }));
    const inner = ['G4', 'F4', 'E4'].map((p, i): Note => ({
      pitch: parsePitch(p),
      position: rat(i, 3),
      duration: rat(1, 3),
      staff: 1,
      voice: 2,
    }));
    const lh = ['C3', 'G2', 'C3'].map((p, i): Note => ({
      pitch: parsePitch(p),
      position: rat(i * 2),
      duration: rat(i === 2 ? 4 : 2),
      staff: 2,
      voice: 1,
    }));
    const score = createScore({
      metadata: { title: 'Mary', composer: 'Trad.' },
      parts: [{ name: 'Piano', staves: 2, notes: [...rh, ...inner, ...lh] }],
      chordSymbols: [
        { position: rat(0), symbol: 'C' },
        { position: rat(2), symbol: 'G7/B' },
        { position: rat(4), symbol: 'Cmaj7' },
      ],
      directions: [{ position: rat(0), partId: 'P1', text: 'Swing' }],
    });
    const xml = writeMusicXml(score);
    const r = render(xml);
    expect(r.loaded).toBe(true);
    expect(r.pages).toHaveLength(1);
    expect(r.pages[0]).toContain('<svg');
    expect(r.log).not.toMatch(/error/i);
    expect(countMatches(r.pages, /class="note"/g)).toBe(pitchedNotes(xml));
    expect(countMatches(r.pages, /class="harm"/g)).toBe(3);
    expect(countMatches(r.pages, /class="tuplet"/g)).toBe(1);
  });
});
