import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { midiOf, type Score } from '@cadenza/core';
import { readMidi } from '@cadenza/formats';

const transcription = new URL('../../../../shared/eval/transcription/', import.meta.url);
const slakh = new URL('slakh/Track00001/', transcription);
const poly = new URL('basic-pitch-fixtures/poly.mid', transcription);

interface Scan {
  ticksPerQuarter: number;
  /** Microseconds per quarter of the first set-tempo event. */
  firstTempo?: number;
  /** "track/channel" → onsets as "tick:key" of note-ons with velocity > 0. */
  onsets: Map<string, string[]>;
}

/**
 * A deliberately separate, minimal walk over the bytes (not the codec under test): chunk by chunk,
 * event by event with running status, recording note-ons with velocity above zero.
 */
function scan(bytes: Uint8Array): Scan {
  const u32 = (at: number) =>
    ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
  const result: Scan = { ticksPerQuarter: (bytes[12]! << 8) | bytes[13]!, onsets: new Map() };
  let at = 8 + u32(4);
  for (let track = 0; at + 8 <= bytes.length; track++) {
    const end = at + 8 + u32(at + 4);
    let i = at + 8;
    let tick = 0;
    let status = 0;
    const vlq = () => {
      let v = 0;
      let b: number;
      do {
        b = bytes[i++]!;
        v = v * 128 + (b & 0x7f);
      } while (b & 0x80);
      return v;
    };
    while (i < end) {
      tick += vlq();
      if (bytes[i]! >= 0x80) status = bytes[i++]!;
      if (status === 0xff) {
        const type = bytes[i++]!;
        const len = vlq();
        if (type === 0x51 && result.firstTempo === undefined)
          result.firstTempo = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
        i += len;
      } else if (status === 0xf0 || status === 0xf7) {
        i += vlq();
      } else {
        const kind = status & 0xf0;
        const data = kind === 0xc0 || kind === 0xd0 ? 1 : 2;
        if (kind === 0x90 && bytes[i + 1]! > 0) {
          const id = `${track}/${status & 0x0f}`;
          result.onsets.set(id, [...(result.onsets.get(id) ?? []), `${tick}:${bytes[i]!}`]);
        }
        i += data;
      }
    }
    at = end;
  }
  return result;
}

const onsetsOf = (score: Score, part: number, tpq: number): string[] =>
  score.parts[part]!.notes.map((n) => `${(n.position.n * tpq) / n.position.d}:${midiOf(n.pitch)}`).sort();

describe.skipIf(!existsSync(slakh))(
  'readMidi on Slakh2100 Track00001 (shared eval data absent: skipped)',
  () => {
    const metadata = existsSync(slakh) ? readFileSync(new URL('metadata.yaml', slakh), 'utf8') : '';
    /** stem → [is_drum, program_num] from metadata.yaml, read with a plain pattern. */
    const stems = new Map<string, { drum: boolean; program: number }>();
    const stemPattern =
      /^ {2}(S\d+):\n(?:^ {4}.*\n)*?^ {4}is_drum: (true|false)\n(?:^ {4}.*\n)*?^ {4}program_num: (\d+)/gm;
    for (const m of metadata.matchAll(stemPattern))
      stems.set(m[1]!, { drum: m[2] === 'true', program: Number(m[3]) });
    const files = existsSync(slakh)
      ? readdirSync(new URL('MIDI/', slakh)).filter((f) => f.endsWith('.mid'))
      : [];

    it('finds ten stem files and their metadata', () => {
      expect(files.length).toBe(10);
      expect(stems.size).toBe(11);
    });

    it.each(files)(
      '%s: every note-on becomes a note at its exact tick and key, with the program and tempo of the file',
      (file) => {
        const bytes = new Uint8Array(readFileSync(new URL(`MIDI/${file}`, slakh)));
        const raw = scan(bytes);
        const score = readMidi(bytes);
        const stem = stems.get(file.replace('.mid', ''))!;
        expect(raw.onsets.size).toBe(1); // each stem plays one instrument on one channel
        const [expected] = [...raw.onsets.values()];
        expect(score.parts).toHaveLength(1);
        expect(score.parts[0]!.notes).toHaveLength(expected!.length);
        expect(onsetsOf(score, 0, raw.ticksPerQuarter)).toEqual([...expected!].sort());
        if (stem.drum) expect(score.parts[0]!.clefs).toEqual(['percussion']);
        else expect(score.parts[0]!.program).toBe(stem.program);
        expect(score.tempos[0]!.bpm).toBe(Math.round(60_000_000_000 / raw.firstTempo!) / 1000);
      },
    );

    it('S02 (Bright Acoustic Piano): 401 notes at ♩ = 80.01 (749 906 µs)', () => {
      const bytes = new Uint8Array(readFileSync(new URL('MIDI/S02.mid', slakh)));
      const score = readMidi(bytes);
      expect(scan(bytes).firstTempo).toBe(749906);
      expect(score.tempos[0]!.bpm).toBe(80.01);
      expect(score.parts[0]!.notes).toHaveLength(401);
      expect(score.parts[0]!.program).toBe(1);
    });

    it('all_src.mid (format 0) splits into one part per channel with the same notes as the byte scan', () => {
      const bytes = new Uint8Array(readFileSync(new URL('all_src.mid', slakh)));
      const raw = scan(bytes);
      const score = readMidi(bytes);
      expect(bytes[9]).toBe(0); // format 0
      expect(score.metadata.title).toBe('Um sonhador-Leandro e Leonardo');
      const channels = [...raw.onsets.keys()].map((k) => Number(k.split('/')[1])).sort((a, b) => a - b);
      expect(score.parts.map((p) => p.name)).toEqual(
        channels.map((c) => (c === 9 ? 'Drums' : `Channel ${c + 1}`)),
      );
      channels.forEach((c, i) =>
        expect(onsetsOf(score, i, raw.ticksPerQuarter)).toEqual([...raw.onsets.get(`0/${c}`)!].sort()),
      );
    });
  },
);

describe.skipIf(!existsSync(poly))(
  'readMidi on basic-pitch poly.mid (shared eval data absent: skipped)',
  () => {
    it('reads both note tracks at 480 ticks per quarter, named after the tracks, matching the byte scan', () => {
      const bytes = new Uint8Array(readFileSync(poly));
      const raw = scan(bytes);
      const score = readMidi(bytes);
      expect(raw.ticksPerQuarter).toBe(480);
      expect(score.parts.map((p) => [p.name, p.notes.length])).toEqual([
        ['test_data/poly', raw.onsets.get('1/0')!.length],
        ['test_data/poly.nomelodia', raw.onsets.get('2/0')!.length],
      ]);
      expect(onsetsOf(score, 0, 480)).toEqual([...raw.onsets.get('1/0')!].sort());
      expect(score.tempos[0]!.bpm).toBe(120); // no tempo event: MIDI's default
    });
  },
);
