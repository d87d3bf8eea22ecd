import type { TheoryConcept, TheoryTopic } from './learning-types.js';

const topic = (
  id: string,
  concept: TheoryConcept,
  level: number,
  title: string,
  prerequisites: readonly string[] = [],
): TheoryTopic => ({ id, concept, title, prerequisites, level });

/**
 * The theory topic graph: every subtopic of the spec's THEORY_CONCEPTS, plus the three steps the spec's
 * list takes for granted (thirds, sixths and sevenths before triads; key signatures between the major scale
 * and the circle of fifths). Prerequisites follow how the ideas build: note values → time signatures →
 * syncopation → polyrhythm; intervals → triads → seventh chords → ii–V–I; the major scale → key signatures,
 * minor scales and modes; diatonic progressions → Roman numerals → functional harmony → modulation.
 * The theory tutor teaches the same nodes.
 */
export const THEORY_TOPICS: readonly TheoryTopic[] = [
  // rhythm
  topic('note-values', 'rhythm', 1, 'Note values and rests'),
  topic('time-signatures', 'rhythm', 2, 'Time signatures', ['note-values']),
  topic('syncopation', 'rhythm', 4, 'Syncopation', ['time-signatures']),
  topic('polyrhythm', 'rhythm', 7, 'Polyrhythm', ['syncopation']),
  // intervals
  topic('seconds', 'intervals', 1, 'Major and minor seconds'),
  topic('perfect-intervals', 'intervals', 2, 'Perfect intervals (4th, 5th, octave)', ['seconds']),
  topic('thirds-sixths-sevenths', 'intervals', 2, 'Major and minor thirds, sixths and sevenths', ['seconds']),
  topic('augmented-diminished-intervals', 'intervals', 4, 'Augmented and diminished intervals', [
    'perfect-intervals',
    'thirds-sixths-sevenths',
  ]),
  topic('interval-inversion', 'intervals', 5, 'Interval inversion', ['augmented-diminished-intervals']),
  // scales
  topic('major-scale', 'scales', 1, 'Major scale construction', ['seconds']),
  topic('pentatonic-scales', 'scales', 2, 'Pentatonic scales', ['major-scale']),
  topic('key-signatures', 'scales', 3, 'Key signatures', ['major-scale']),
  topic('minor-scales', 'scales', 3, 'Minor scales (natural, harmonic, melodic)', [
    'major-scale',
    'thirds-sixths-sevenths',
  ]),
  topic('modes', 'scales', 6, 'Modes of the major scale', ['key-signatures', 'minor-scales']),
  // chords
  topic('triads', 'chords', 3, 'Triads (major, minor, diminished, augmented)', [
    'thirds-sixths-sevenths',
    'perfect-intervals',
  ]),
  topic('chord-inversions', 'chords', 4, 'Chord inversions', ['triads']),
  topic('seventh-chords', 'chords', 5, '7th chords', ['triads', 'augmented-diminished-intervals']),
  topic('extended-chords', 'chords', 8, 'Extended chords (9th, 11th, 13th)', ['seventh-chords']),
  // progressions
  topic('diatonic-progressions', 'progressions', 4, 'Diatonic progressions', ['triads', 'key-signatures']),
  topic('circle-of-fifths', 'progressions', 4, 'Circle of fifths', ['key-signatures', 'perfect-intervals']),
  topic('ii-v-i', 'progressions', 6, 'ii–V–I (jazz)', ['seventh-chords', 'diatonic-progressions']),
  topic('modal-interchange', 'progressions', 8, 'Modal interchange', ['modes', 'diatonic-progressions']),
  // harmony
  topic('roman-numerals', 'harmony', 5, 'Roman numeral analysis', ['diatonic-progressions']),
  topic('functional-harmony', 'harmony', 6, 'Functional harmony', ['roman-numerals', 'seventh-chords']),
  topic('non-chord-tones', 'harmony', 6, 'Non-chord tones', ['roman-numerals', 'chord-inversions']),
  topic('modulation', 'harmony', 8, 'Modulation', ['functional-harmony', 'circle-of-fifths']),
];

const BY_ID: ReadonlyMap<string, TheoryTopic> = new Map(THEORY_TOPICS.map((t) => [t.id, t]));

/** The topic with this id, or undefined. */
export const theoryTopic = (id: string): TheoryTopic | undefined => BY_ID.get(id);

/** The order topics are listed and taught in when levels tie: the graph's own order. */
const position = (t: TheoryTopic): number => THEORY_TOPICS.indexOf(t);

/**
 * Topics ready to learn: not learned yet, every prerequisite learned; lowest level first (ties in the
 * graph's order). Unknown ids in `learned` are ignored.
 */
export function availableTopics(learned: readonly string[]): TheoryTopic[] {
  const done = new Set(learned);
  return THEORY_TOPICS.filter((t) => !done.has(t.id) && t.prerequisites.every((p) => done.has(p))).sort(
    (a, b) => a.level - b.level || position(a) - position(b),
  );
}

/**
 * Every topic in a teaching order that puts each after its prerequisites: repeatedly the lowest-level
 * available topic (a topological order). Throws if the graph had a cycle or a missing prerequisite.
 */
export function topicOrder(): TheoryTopic[] {
  const order: TheoryTopic[] = [];
  while (order.length < THEORY_TOPICS.length) {
    const next = availableTopics(order.map((t) => t.id))[0];
    if (!next) throw new Error('internal: the theory graph has a cycle or a missing prerequisite');
    order.push(next);
  }
  return order;
}
