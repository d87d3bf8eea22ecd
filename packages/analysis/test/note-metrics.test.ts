import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  matchNoteOffsets,
  matchNoteOnsets,
  matchNotes,
  noteMetrics,
  readNoteList,
  type NoteEvent,
  type NoteMetrics,
} from '../src/index.js';

const A4 = 440;
/** The frequency `cents` above `hz`. */
const up = (hz: number, cents: number) => hz * 2 ** (cents / 1200);
const note = (onset: number, offset: number, pitchHz = A4): NoteEvent => ({ onset, offset, pitchHz });

describe('readNoteList', () => {
  it('reads tab- or space-separated lines and skips comments and blank lines', () => {
    const text = '# a comment\n0.11\t1.08\t415.30\n\n  0.5 1.21 329.63  \r\n';
    expect(readNoteList(text)).toEqual([note(0.11, 1.08, 415.3), note(0.5, 1.21, 329.63)]);
  });

  it('fails loudly with the line number on a malformed line', () => {
    expect(() => readNoteList('0.1\t0.5\t440\n0.2\t0.6\n')).toThrow(/line 2/);
    expect(() => readNoteList('0.1 0.5 A4')).toThrow(/line 1/);
  });
});

describe('matchNotes', () => {
  it('scores an exact transcription 1.0 everywhere', () => {
    const ref = [note(0, 0.5), note(0.5, 1, 330), note(1, 2, 262)];
    const m = noteMetrics(ref, ref);
    for (const value of Object.values(m)) expect(value).toBe(1);
  });

  it('accepts an onset 49 ms off and rejects one 51 ms off', () => {
    const ref = [note(1, 2)];
    expect(matchNotes(ref, [note(1.049, 2)])).toEqual([[0, 0]]);
    expect(matchNotes(ref, [note(1.051, 2)])).toEqual([]);
    expect(matchNotes(ref, [note(0.951, 2)])).toEqual([[0, 0]]);
  });

  it('counts exactly 50 ms as within despite float error (distances rounded to 0.1 ms)', () => {
    // 1.05 - 1 is 0.050000000000000044 in doubles: over 0.05 unless rounded first.
    expect(1.05 - 1).toBeGreaterThan(0.05);
    expect(matchNoteOnsets([note(1, 2)], [note(1.05, 2)])).toEqual([[0, 0]]);
    expect(matchNotes([note(0, 0.1)], [note(0, 1.05 - 1 + 0.1)])).toEqual([[0, 0]]);
    expect(matchNoteOnsets([note(1, 2)], [note(1.05, 2)], { strict: true })).toEqual([]);
  });

  it('accepts a pitch 49 cents off and rejects one 51 cents off', () => {
    const ref = [note(1, 2)];
    expect(matchNotes(ref, [note(1, 2, up(A4, 49))])).toEqual([[0, 0]]);
    expect(matchNotes(ref, [note(1, 2, up(A4, -49))])).toEqual([[0, 0]]);
    expect(matchNotes(ref, [note(1, 2, up(A4, 51))])).toEqual([]);
    expect(matchNotes(ref, [note(1, 2, up(A4, -51))])).toEqual([]);
  });

  it('allows an offset 20 % of a long note off, and 50 ms of a short one', () => {
    // 1 s note: tolerance 0.2 s.
    expect(matchNotes([note(0, 1)], [note(0, 1.19)])).toEqual([[0, 0]]);
    expect(matchNotes([note(0, 1)], [note(0, 1.21)])).toEqual([]);
    expect(matchNotes([note(0, 1)], [note(0, 1.21)], { withOffsets: false })).toEqual([[0, 0]]);
    // 0.1 s note: 20 % is 20 ms, so the 50 ms floor applies.
    expect(matchNotes([note(0, 0.1)], [note(0, 0.149)])).toEqual([[0, 0]]);
    expect(matchNotes([note(0, 0.1)], [note(0, 0.151)])).toEqual([]);
    // Offset-only matching ignores onset and pitch.
    expect(matchNoteOffsets([note(0, 1)], [note(0.5, 1.1, 880)])).toEqual([[0, 0]]);
  });

  it('finds the maximum matching where greedy first-come matching would stop short', () => {
    // Estimate 0 can match both references; greedy gives it reference 0, leaving estimate 1
    // (which only fits reference 0) unmatched. The maximum matching pairs both.
    const ref = [note(1.0, 2), note(1.04, 2)];
    const est = [note(1.02, 2), note(0.96, 2)];
    const pairs = matchNotes(ref, est);
    expect(pairs).toEqual([
      [0, 1],
      [1, 0],
    ]);
    const m = noteMetrics(ref, est);
    expect(m.precision).toBe(1);
    expect(m.recall).toBe(1);
  });

  it('computes precision, recall, F1 and overlap ratio on a small case by hand', () => {
    const ref = [note(0, 1), note(2, 3), note(4, 5, 330)];
    const est = [note(0.02, 1.1), note(2, 3, up(A4, 100)), note(4, 4.5, 330), note(6, 7)];
    const m = noteMetrics(ref, est);
    // With offsets only est 0 matches; without, est 0 and est 2.
    expect(m.precision).toBe(1 / 4);
    expect(m.recall).toBe(1 / 3);
    expect(m.f1).toBeCloseTo((2 * (1 / 4) * (1 / 3)) / (1 / 4 + 1 / 3), 15);
    expect(m.averageOverlapRatio).toBeCloseTo(0.98 / 1.1, 15);
    expect(m.precisionNoOffset).toBe(2 / 4);
    expect(m.averageOverlapRatioNoOffset).toBeCloseTo((0.98 / 1.1 + 0.5) / 2, 15);
    expect(m.onsetRecall).toBe(1);
    expect(m.offsetRecall).toBe(2 / 3);
  });

  it('scores 0 when either list is empty and refuses a note that ends before it starts', () => {
    expect(noteMetrics([], [note(0, 1)]).f1).toBe(0);
    expect(noteMetrics([note(0, 1)], []).onsetF1).toBe(0);
    expect(() => noteMetrics([note(1, 0.5)], [note(0, 1)])).toThrow(/before onset/);
    expect(() => noteMetrics([note(0, 1)], [note(0, 1, 0)])).toThrow(/positive frequency/);
  });
});

const mirEval = fileURLToPath(new URL('../../../../shared/eval/mir_eval/', import.meta.url));
const haveData = existsSync(mirEval);
if (!haveData && process.env.CI === 'true') {
  throw new Error(`mir_eval test vectors missing at ${mirEval} (required under CI=true)`);
}
if (!haveData) console.warn(`Skipping mir_eval vectors: ${mirEval} not found`);

const KEYS: Record<string, keyof NoteMetrics> = {
  Precision: 'precision',
  Recall: 'recall',
  'F-measure': 'f1',
  Average_Overlap_Ratio: 'averageOverlapRatio',
  Precision_no_offset: 'precisionNoOffset',
  Recall_no_offset: 'recallNoOffset',
  'F-measure_no_offset': 'f1NoOffset',
  Average_Overlap_Ratio_no_offset: 'averageOverlapRatioNoOffset',
  Onset_Precision: 'onsetPrecision',
  Onset_Recall: 'onsetRecall',
  'Onset_F-measure': 'onsetF1',
  Offset_Precision: 'offsetPrecision',
  Offset_Recall: 'offsetRecall',
  'Offset_F-measure': 'offsetF1',
};

describe.skipIf(!haveData)('noteMetrics against mir_eval test vectors (MIT, craffel/mir_eval)', () => {
  const ids = Array.from({ length: 10 }, (_, i) => String(i).padStart(2, '0'));
  it.each(ids)('vector %s: all 14 metrics within 1e-9', (id) => {
    const read = (name: string) => readFileSync(`${mirEval}${name}`, 'utf8');
    const ref = readNoteList(read(`ref${id}.txt`));
    const est = readNoteList(read(`est${id}.txt`));
    const expected = JSON.parse(read(`output${id}.json`)) as Record<string, number>;
    expect(Object.keys(expected).sort()).toEqual(Object.keys(KEYS).sort());
    const actual = noteMetrics(ref, est);
    for (const [name, key] of Object.entries(KEYS)) {
      const want = expected[name];
      expect(want, name).toBeTypeOf('number');
      expect(Math.abs(actual[key] - (want as number)), `${id} ${name}`).toBeLessThanOrEqual(1e-9);
    }
  });
});
