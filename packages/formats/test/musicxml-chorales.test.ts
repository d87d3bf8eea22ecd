// The reader and writer against 120 real files: Bach chorales as music21/Finale exported them.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatRational, keyName, pitchName, type Score } from '@cadenza/core';
import { readMusicXml, writeMusicXml } from '@cadenza/formats';
import { BACH_DIR, hasXmllint, noteFingerprints, validateWithXsd } from './musicxml-test-utils.js';

/** The score text of an .mxl, found without the reader: container.xml names the rootfile. */
function rawXml(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  const container = strFromU8(files['META-INF/container.xml']!);
  const path = /full-path="([^"]+)"/.exec(container)![1]!;
  return strFromU8(files[path]!);
}

/**
 * Sounding notes a musician would count: pitched, not grace, not cue, and not the tied-over half of a
 * tie. Every chorale part is one voice without <backup>, so a tie stop continues a note only when the
 * chord just before it started a tie on that pitch. bwv362 needs this: its tenor ties B♭3 (m. 18) into
 * a B♮3 and has a tie stop on a B♭3 (m. 20) that follows a C4, so that B♭3 is a new note.
 */
function independentNoteCount(xml: string): number {
  let count = 0;
  for (const part of xml.matchAll(/<part\b[^>]*>([\s\S]*?)<\/part>/g)) {
    let before = new Set<string>();
    let current = new Set<string>();
    for (const m of part[1]!.matchAll(/<note\b[^>]*>([\s\S]*?)<\/note>/g)) {
      const body = m[1]!;
      if (/<grace\b/.test(body)) continue;
      if (!/<chord\s*\/>/.test(body)) {
        before = current;
        current = new Set();
      }
      if (!/<(pitch|unpitched)>/.test(body) || /<cue\b/.test(body)) continue;
      const pitch = ['step', 'alter', 'octave']
        .map((t) => new RegExp(`<${t}>([^<]*)<`).exec(body)?.[1] ?? '0')
        .join();
      const continues = /<tie\s+type="stop"\s*\/>/.test(body) && before.has(pitch);
      if (!continues) count++;
      if (/<tie\s+type="start"\s*\/>/.test(body)) current.add(pitch);
    }
  }
  return count;
}

describe.skipIf(!existsSync(BACH_DIR))(
  'MusicXML: the 120 Bach chorales (needs ../shared/eval/scores/bach)',
  () => {
    const files = existsSync(BACH_DIR)
      ? readdirSync(BACH_DIR)
          .filter((f) => f.endsWith('.mxl'))
          .sort()
      : [];
    const scores = new Map<string, Score>();
    const written = new Map<string, string>();

    beforeAll(() => {
      const started = performance.now();
      for (const f of files) scores.set(f, readMusicXml(new Uint8Array(readFileSync(join(BACH_DIR, f)))));
      console.log(`read ${files.length} chorales in ${(performance.now() - started).toFixed(0)} ms`);
      const wrote = performance.now();
      for (const [f, s] of scores) written.set(f, writeMusicXml(s));
      console.log(`wrote ${files.length} chorales in ${(performance.now() - wrote).toFixed(0)} ms`);
    });

    it('reads every chorale with exactly the notes its file holds (ties merged, grace notes skipped)', () => {
      expect(files).toHaveLength(120);
      const mismatches: string[] = [];
      let total = 0;
      for (const f of files) {
        const expected = independentNoteCount(rawXml(new Uint8Array(readFileSync(join(BACH_DIR, f)))));
        const got = scores.get(f)!.parts.reduce((s, p) => s + p.notes.length, 0);
        total += got;
        if (got !== expected) mismatches.push(`${f}: read ${got}, file has ${expected}`);
      }
      expect(mismatches).toEqual([]);
      expect(total).toBeGreaterThan(20_000);
      for (const s of scores.values()) expect(s.parts.map((p) => p.name)).toHaveLength(4);
    });

    it('knows bwv10.7: G minor, 4/4, no pickup, soprano D5 F5 D5 D5 D5 D5 Eb5', () => {
      const s = scores.get('bwv10.7.mxl')!;
      expect(keyName(s.keys[0]!.key)).toBe('G minor');
      expect(s.meters[0]!.timeSignature).toEqual({ beats: 4, beatType: 4 });
      expect(formatRational(s.pickup)).toBe('0');
      expect(s.metadata.composer).toBe('J.S. Bach');
      expect(s.parts.map((p) => p.name)).toEqual(['Soprano', 'Alto', 'Tenor', 'Bass']);
      const soprano = s.parts[0]!.notes.slice(0, 7);
      expect(soprano.map((n) => pitchName(n.pitch))).toEqual(['D5', 'F5', 'D5', 'D5', 'D5', 'D5', 'Eb5']);
      expect(soprano.map((n) => formatRational(n.position))).toEqual(['0', '2', '4', '5', '6', '7', '8']);
    });

    it('knows bwv248.28: D major, 4/4, a one-beat pickup, soprano A4 | A4 A4 B4 A4 | D5 E5 D5', () => {
      const s = scores.get('bwv248.28.mxl')!;
      expect(keyName(s.keys[0]!.key)).toBe('D major');
      expect(s.meters[0]!.timeSignature).toEqual({ beats: 4, beatType: 4 });
      expect(formatRational(s.pickup)).toBe('1');
      const soprano = s.parts[0]!.notes.slice(0, 8);
      expect(soprano.map((n) => pitchName(n.pitch))).toEqual([
        'A4',
        'A4',
        'A4',
        'B4',
        'A4',
        'D5',
        'E5',
        'D5',
      ]);
      expect(soprano.map((n) => formatRational(n.duration))).toEqual([
        '1',
        '1',
        '1',
        '1',
        '1',
        '1',
        '1',
        '2',
      ]);
    });

    it.skipIf(!hasXmllint())(
      'writes all 120 as MusicXML 4.0 that validates against the XSD (xmllint)',
      () => {
        const dir = mkdtempSync(join(tmpdir(), 'cadenza-chorales-'));
        const paths = [...written].map(([f, xml]) => {
          const path = join(dir, f.replace(/\.mxl$/, '.musicxml'));
          writeFileSync(path, xml);
          return path;
        });
        const result = validateWithXsd(paths);
        console.log(`${result.valid}/${paths.length} written chorales validate`);
        expect(result.failures).toEqual([]);
        expect(result.valid).toBe(120);
      },
    );

    it('reads the written chorales back with every note, key, meter and pickup unchanged', () => {
      const differing: string[] = [];
      for (const [f, xml] of written) {
        const before = scores.get(f)!;
        const after = readMusicXml(xml);
        const a = noteFingerprints(before);
        const b = noteFingerprints(after);
        if (a.join() !== b.join())
          differing.push(
            `${f}: ${a
              .filter((x) => !b.includes(x))
              .slice(0, 3)
              .join(', ')}`,
          );
        expect(after.keys.map((k) => keyName(k.key))).toEqual(before.keys.map((k) => keyName(k.key)));
        expect(formatRational(after.pickup)).toBe(formatRational(before.pickup));
      }
      expect(differing).toEqual([]);
    });
  },
);
