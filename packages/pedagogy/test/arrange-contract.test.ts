import { add, chroma, measureLength, midiOf, toNumber, type Note } from '@cadenza/core';
import { writeMidi } from '@cadenza/formats';
import { describe, expect, it } from 'vitest';
import {
  APPLICATIONS,
  arrange,
  barStart,
  chordAt,
  GENRE_ARRANGERS,
  GENRES,
  PIANO_HIGH,
  PIANO_LOW,
  playableByOneHand,
} from '../src/index.js';
import { testRequest } from './arrange-helpers.js';

// The contract every genre × application must keep (issue 5, "Done when"). A genre joins by adding its
// arranger to GENRE_ARRANGERS; the suite then runs for each of its applications and patterns.
const cases = GENRES.filter((g) => GENRE_ARRANGERS[g]).flatMap((genre) =>
  APPLICATIONS[genre].map((application) => [genre, application.id] as const),
);

/** Strong beats: the first of the bar, and the middle of a 4/4 bar. */
function isStrongBeat(positionInBar: number, barLength: number): boolean {
  return Math.abs(positionInBar) < 1e-9 || (barLength === 4 && Math.abs(positionInBar - 2) < 1e-9);
}

describe.skipIf(cases.length === 0)('arrangement contract', () => {
  it.each(cases)(
    '%s %s: bars, grid, tempo, velocities, chord tones on strong beats, hands, determinism',
    (genre, application) => {
      const request = testRequest(genre, { application });
      const result = arrange(request, 7, 'Contract');
      const { score } = result;
      const notes = score.parts.flatMap((p) => p.notes);
      const end = barStart(request.bars, request.meter);
      expect(notes.length).toBeGreaterThan(request.bars);
      // Exact bar count, every note inside the piece, on a 1/12-beat grid (16ths and triplets).
      expect(score.end).toEqual(end);
      for (const n of notes) {
        expect(toNumber(n.position)).toBeGreaterThanOrEqual(0);
        expect(toNumber(add(n.position, n.duration))).toBeLessThanOrEqual(toNumber(end) + 1e-9);
        expect((toNumber(n.position) * 12) % 1).toBeCloseTo(0, 9);
      }
      expect(score.meters).toHaveLength(1);
      // Tempo and velocities inside the application's ranges.
      const tempo = Number(score.tempos[0]?.bpm);
      expect(tempo).toBeGreaterThanOrEqual(request.application.tempo[0]);
      expect(tempo).toBeLessThanOrEqual(request.application.tempo[1]);
      for (const n of notes) {
        expect(n.velocity).toBeGreaterThanOrEqual(request.application.velocity[0]);
        expect(n.velocity).toBeLessThanOrEqual(request.application.velocity[1]);
      }
      // Piano range; each hand's simultaneous notes playable (≤ 5 notes within a tenth).
      for (const n of notes) {
        expect(midiOf(n.pitch)).toBeGreaterThanOrEqual(PIANO_LOW);
        expect(midiOf(n.pitch)).toBeLessThanOrEqual(PIANO_HIGH);
      }
      for (const staff of [1, 2]) {
        const onsets = new Map<string, number[]>();
        for (const n of notes.filter((x) => x.staff === staff)) {
          const key = `${n.position.n}/${n.position.d}`;
          onsets.set(key, [...(onsets.get(key) ?? []), midiOf(n.pitch)]);
        }
        for (const [at, midis] of onsets)
          expect(playableByOneHand(midis), `staff ${staff} at ${at}: ${midis.join(' ')}`).toBe(true);
      }
      // At least 90 % of left-hand notes on strong beats are tones of the chord sounding.
      const barLength = toNumber(measureLength(request.meter));
      const strong = notes.filter(
        (n: Note) => n.staff === 2 && isStrongBeat(toNumber(n.position) % barLength, barLength),
      );
      const chordTones = strong.filter((n) => {
        const event = chordAt(result.progression, n.position);
        return event
          ? [event.chord.bass, ...event.chord.notes].some((pc) => chroma(pc) === chroma(n.pitch))
          : false;
      });
      expect(strong.length).toBeGreaterThan(0);
      expect(chordTones.length / strong.length).toBeGreaterThanOrEqual(0.9);
      // Every chord of the chart is explained.
      for (const c of result.progression.chords) {
        expect(c.numeral).not.toBe('');
        expect(c.comment.length).toBeGreaterThan(5);
      }
      // Determinism: same seed → byte-identical MIDI; another seed → another arrangement.
      const again = arrange(request, 7, 'Contract');
      expect(writeMidi(again.score)).toEqual(writeMidi(score));
      const other = arrange(request, 8, 'Contract');
      expect(writeMidi(other.score)).not.toEqual(writeMidi(score));
    },
  );

  it.each(GENRES.filter((g) => GENRE_ARRANGERS[g]))(
    '%s: every left- and right-hand pattern can be requested',
    (genre) => {
      const arranger = GENRE_ARRANGERS[genre];
      if (!arranger) return;
      for (const left of arranger.leftHand) {
        const result = arrange(testRequest(genre, { leftHand: left.id }), 3, 'Pattern');
        expect(result.leftHand).toBe(left.id);
        expect(result.score.parts[0]?.notes.some((n) => n.staff === 2)).toBe(true);
      }
      for (const right of arranger.rightHand) {
        const result = arrange(testRequest(genre, { rightHand: right.id }), 3, 'Pattern');
        expect(result.rightHand).toBe(right.id);
        expect(result.score.parts[0]?.notes.some((n) => n.staff === 1)).toBe(true);
      }
    },
  );
});
