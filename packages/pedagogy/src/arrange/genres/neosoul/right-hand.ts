import { midiOf, type Note, type Pitch } from '@cadenza/core';
import type { ArrangeRequest, HandPattern, PatternContext } from '../../arrangement-types.js';
import { handNote } from '../../hand-notes.js';
import { spellInKey } from '../../voicing.js';
import { layGroove, q, SIXTEENTH_STABS, SMOOTH_STABS, SUSTAINED, type GrooveHit } from './groove.js';
import { rightHandVoicing } from './neosoul-voicings.js';

/** Where the right hand's voicings live: B♭3 to C6. */
const RH_RANGE: readonly [number, number] = [58, 84];
const START_TOP = 74;

/** Voices each hit's upper structure, the top note moving as little as it can from the last. */
function voiced(hits: readonly GrooveHit[]): { hit: GrooveHit; pitches: Pitch[] }[] {
  let lastTop = START_TOP;
  return hits.map((hit) => {
    const pitches = rightHandVoicing(hit.chord.chord, lastTop, RH_RANGE);
    lastTop = Math.max(...pitches.map(midiOf));
    return { hit, pitches };
  });
}

const stabs = (request: ArrangeRequest) =>
  request.application.id === 'uptempo' ? SIXTEENTH_STABS : SMOOTH_STABS;

/**
 * Extended Voicings: maj9, m11, 13, maj7♯11, add9 and sus shapes without the root, struck in a
 * syncopated rhythm (sixteenth stabs up-tempo), each voicing led smoothly from the last.
 */
export const extendedVoicings: HandPattern = {
  id: 'extended-voicings',
  name: 'Extended Voicings',
  hand: 'right',
  render({ request, progression }: PatternContext): Note[] {
    return voiced(layGroove(request, progression, stabs(request))).flatMap(({ hit, pitches }) =>
      pitches.map((p) => handNote(p, hit.position, hit.duration, 'right', hit.index === 0 ? 80 : 86)),
    );
  },
};

/** Sustained Voicings: one extended voicing per chord, held for its whole length, softly. */
export const sustainedVoicings: HandPattern = {
  id: 'sustained-voicings',
  name: 'Sustained Voicings',
  hand: 'right',
  render({ request, progression }: PatternContext): Note[] {
    return voiced(layGroove(request, progression, SUSTAINED, true)).flatMap(({ hit, pitches }) =>
      pitches.map((p) => handNote(p, hit.position, hit.duration, 'right', 70)),
    );
  },
};

/** Bars per phrase: a fill may close each one. */
const PHRASE = 2;

/**
 * A four-sixteenth enclosure into `target` on the last beat: a step above, a half step above, a half
 * step below, then the target itself a sixteenth early (the neo-soul anticipation).
 */
function enclosure(target: number, beat: number, request: ArrangeRequest): Note[] {
  return [target + 2, target + 1, target - 1, target].map((midi, i) =>
    handNote(spellInKey(midi, request.key), q(beat + i * 0.25), q(0.25), 'right', i === 3 ? 88 : 78),
  );
}

/**
 * Chromatic Fills: sustained extended voicings, and at the end of phrases (each two bars, with the
 * application's improvisation chance; the first phrase always) a sixteenth-note enclosure that
 * approaches the next chord's top voice by half steps.
 */
export const chromaticFills: HandPattern = {
  id: 'chromatic-fills',
  name: 'Chromatic Fills',
  hand: 'right',
  render({ request, progression, rng }: PatternContext): Note[] {
    const notes: Note[] = [];
    const hits = voiced(layGroove(request, progression, SUSTAINED, true));
    let filled = 0;
    hits.forEach(({ hit, pitches }, i) => {
      const nextVoicing = hits[i + 1];
      const barEnd = (hit.bar + 1) * barLength(request);
      const phraseEnd = (hit.bar + 1) % PHRASE === 0 && hit.bar + 1 < request.bars;
      const endsBar = Math.abs(toQuarter(hit) + dur(hit) - barEnd) < 1e-9;
      const wants = filled === 0 || rng.chance(request.application.improvisation);
      const fillBeat = barEnd - 1;
      if (phraseEnd && endsBar && nextVoicing && fillBeat - toQuarter(hit) >= 1 && wants) {
        const target = Math.max(...nextVoicing.pitches.map(midiOf));
        for (const p of pitches)
          notes.push(handNote(p, hit.position, q(fillBeat - toQuarter(hit)), 'right', 72));
        notes.push(...enclosure(target, fillBeat, request));
        filled++;
      } else {
        for (const p of pitches) notes.push(handNote(p, hit.position, hit.duration, 'right', 72));
      }
    });
    return notes;
  },
};

const toQuarter = (hit: GrooveHit) => hit.position.n / hit.position.d;
const dur = (hit: GrooveHit) => hit.duration.n / hit.duration.d;
const barLength = (request: ArrangeRequest) => (request.meter.beats * 4) / request.meter.beatType;
