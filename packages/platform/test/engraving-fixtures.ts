// A grand-staff piano study for the engraving tests: right-hand melody with accidentals, left-hand
// chords, a chord symbol per bar (flats and sharps in roots, basses and alterations), ♩ = 96, credits.
import { createScore, parsePitch, rat, type Bpm, type Note, type Score } from '@cadenza/core';

/** One bar per entry, cycling: chord symbol, left-hand chord, right-hand melody (four quarters). */
const BARS: readonly { symbol: string; lh: readonly string[]; rh: readonly string[] }[] = [
  { symbol: 'C', lh: ['C3', 'E3', 'G3'], rh: ['E5', 'G5', 'F#5', 'G5'] },
  { symbol: 'Bb7', lh: ['Bb2', 'F3', 'Ab3'], rh: ['D5', 'Bb4', 'F5', 'Ab5'] },
  { symbol: 'F#m7b5', lh: ['F#2', 'C3', 'E3'], rh: ['A5', 'F#5', 'E5', 'C5'] },
  { symbol: 'B7', lh: ['B2', 'D#3', 'A3'], rh: ['D#5', 'F#5', 'A5', 'B5'] },
  { symbol: 'Em', lh: ['E3', 'G3', 'B3'], rh: ['G5', 'E5', 'B4', 'E5'] },
  { symbol: 'Ebmaj7#11/Bb', lh: ['Bb2', 'Eb3', 'G3'], rh: ['D5', 'A5', 'G5', 'Eb5'] },
  { symbol: 'Dm7', lh: ['D3', 'F3', 'C4'], rh: ['F5', 'E5', 'D5', 'C5'] },
  { symbol: 'G7', lh: ['G2', 'F3', 'B3'], rh: ['B4', 'D5', 'F5', 'G5'] },
];

export const STUDY_TITLE = 'Study in Flats and Sharps';
export const STUDY_COMPOSER = 'C. Adenza';

/** A piano score of `bars` bars of 4/4 (default 32): treble melody, bass chords, one symbol per bar. */
export function grandStaffStudy(bars = 32): Score {
  const notes: Note[] = [];
  const chordSymbols: { position: ReturnType<typeof rat>; symbol: string }[] = [];
  for (let bar = 0; bar < bars; bar++) {
    const spec = BARS[bar % BARS.length];
    if (!spec) continue;
    const start = bar * 4;
    chordSymbols.push({ position: rat(start), symbol: spec.symbol });
    spec.rh.forEach((p, beat) =>
      notes.push({ pitch: parsePitch(p), position: rat(start + beat), duration: rat(1), staff: 1, voice: 1 }),
    );
    for (const p of spec.lh) {
      notes.push({ pitch: parsePitch(p), position: rat(start), duration: rat(4), staff: 2, voice: 1 });
    }
  }
  return createScore({
    metadata: { title: STUDY_TITLE, composer: STUDY_COMPOSER },
    parts: [{ id: 'P1', name: 'Piano', staves: 2, notes }],
    chordSymbols,
    tempos: [{ position: rat(0), bpm: 96 as Bpm }],
  });
}
