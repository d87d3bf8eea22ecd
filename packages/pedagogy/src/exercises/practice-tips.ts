import type { Level } from './difficulty-model.js';
import type { GeneratedSkillType } from './exercise-catalogue.js';
import type { ExerciseBody } from './hand-layout.js';

type Band = 'early' | 'middle' | 'late';
const band = (level: Level): Band => (level <= 3 ? 'early' : level <= 7 ? 'middle' : 'late');

const pick = (tips: Readonly<Record<Band, readonly string[]>>, level: Level): string[] => [
  ...tips[band(level)],
];

const SCALE_TIPS: Readonly<Record<Band, readonly string[]>> = {
  early: [
    'Play each hand alone, slowly, saying the finger numbers aloud before you add the metronome.',
    'Keep the thumb close under the hand so it is ready before it is needed: no jump at the crossing.',
    'Listen for even loudness: the thumb tends to thump.',
  ],
  middle: [
    'Practise the thumb crossings alone (3-1 and 4-1) until the hand does not twist.',
    'When the hands play together the thumbs cross at different moments: practise those bars slowly first.',
    'Raise the metronome by 4 beats per minute only after three clean runs.',
  ],
  late: [
    'Shape the run: a crescendo to the top and a diminuendo down, without slowing at the turn.',
    'Practise in rhythms (long-short, short-long) and in groups of four to even out the sixteenths.',
    'Keep the wrist level across the octaves; move the arm, not the fingers, to travel.',
  ],
};

const ARPEGGIO_TIPS: Readonly<Record<Band, readonly string[]>> = {
  early: [
    'Play the chord as a block first to feel the hand shape, then spread it out one note at a time.',
    'Let the thumb pass under smoothly: keep the elbow slightly out.',
    'Count aloud so each note gets the same length.',
  ],
  middle: [
    'Lead with the arm across the octave; the fingers only place the notes.',
    'Practise the thumb crossing (3-1 or 4-1) alone, then in both directions.',
    'Change inversion without stopping: look at the new lowest note before you reach it.',
  ],
  late: [
    'Aim for a smooth legato line without bumps at the thumb; shape the top with a slight lift.',
    'Practise in rhythms and with accents on each group start, then play it even.',
    'Keep the hands exactly together at the turns: practise the top two notes of each hand in isolation.',
  ],
};

const PROGRESSION_TIPS: Readonly<Record<Band, readonly string[]>> = {
  early: [
    'Name each chord before you play it, and find the notes that stay the same: keep those fingers down.',
    'Move the right hand to the nearest notes of the next chord instead of jumping the whole hand.',
    'Play the bass line alone first and sing it.',
  ],
  middle: [
    'Listen for the leading tone rising to the tonic and the seventh falling by step.',
    'Change chords exactly on the beat: prepare the next shape during the last beat.',
    'Transpose the progression to a neighbouring key once it is secure.',
  ],
  late: [
    'Voice the top note a little louder so the melody of the chords sings.',
    'Try the progression in every key around the circle of fifths.',
    'Add the pedal with a clean change on each chord (lift as you play the new chord, press just after).',
  ],
};

const RHYTHM_TIPS: Readonly<Record<Band, readonly string[]>> = {
  early: [
    'Clap and count aloud ("1 and 2 and") before playing it.',
    'Tap the beat with your foot and keep it steady through the rests.',
    'Hold long notes for their full length: count through them.',
  ],
  middle: [
    'Count the smallest value aloud (e.g. "1 e and a") for the bars with sixteenths or dotted notes.',
    'Feel the off-beats against the metronome click: the click is on the beat, the syncopation between.',
    'Practise one bar at a time, then join pairs of bars.',
  ],
  late: [
    'Set the metronome to half the tempo on beats 2 and 4 only, and keep time yourself.',
    'Keep the left-hand pulse rock steady while the right hand changes subdivision.',
    'Play triplets against eighths slowly, saying "1-trip-let 2-and" until the change is exact.',
  ],
};

const SIGHT_TIPS: Readonly<Record<Band, readonly string[]>> = {
  early: [
    'Before you play: name the key and time signature, find the first note and the lowest and highest notes.',
    'Keep going whatever happens: a steady beat matters more than every note.',
    'Read by interval: see whether the next note steps, skips or repeats.',
  ],
  middle: [
    'Scan for accidentals and the bars with the fastest notes before you start.',
    'Look one note ahead of the one you are playing.',
    'Choose a tempo at which you can play the hardest bar, and keep it for the whole piece.',
  ],
  late: [
    'Read the hands together in chord shapes where you can, rather than note by note.',
    'Spot patterns (sequences, repeated rhythms, scale fragments) and read them as one unit.',
    'Give yourself 30 seconds to study the piece silently, hearing it in your head, then play it once without stopping.',
  ],
};

const TIPS: Readonly<Record<GeneratedSkillType, Readonly<Record<Band, readonly string[]>>>> = {
  scales: SCALE_TIPS,
  arpeggios: ARPEGGIO_TIPS,
  chord_progressions: PROGRESSION_TIPS,
  rhythm: RHYTHM_TIPS,
  sight_reading: SIGHT_TIPS,
};

/** Tips for the exercise's type and level, plus a few specific to its subtype and settings. */
export function practiceTips(
  skill: GeneratedSkillType,
  subtype: string,
  level: Level,
  body: ExerciseBody,
  tempo: number,
): string[] {
  const tips = pick(TIPS[skill], level);
  if (subtype === 'minor_harmonic')
    tips.push(
      'Listen for the augmented second between the 6th and the raised 7th: keep it in tune with the hand, not a jump.',
    );
  if (subtype === 'minor_melodic')
    tips.push(
      'Going up, the 6th and 7th are raised; coming down, they return to the key signature: say "up sharp, down natural".',
    );
  if (subtype === 'chromatic')
    tips.push(
      'Use 3 on every black key and 1 on white keys (2 where two white keys meet); keep the hand still and close to the black keys.',
    );
  if (subtype === 'triplets')
    tips.push('Say "tri-po-let" on each beat so the three notes stay even and the next beat lands on time.');
  if (subtype === 'syncopation')
    tips.push('Count the "and"s aloud; the syncopated notes start on them and hold across the beat.');
  if (subtype === 'dotted_rhythms')
    tips.push('Feel the short note as leading into the next beat, not as the end of the long one.');
  if (subtype === 'interval_jumps')
    tips.push('Before each leap, name the interval and see it on the keyboard as a hand shape.');
  if (subtype === 'key_signature_reading')
    tips.push(
      'Say the sharps or flats of the key aloud before you start and point to each one in the music.',
    );
  if (body.hands === 'together' && (skill === 'scales' || skill === 'arpeggios')) {
    tips.push('Hands together: practise each hand alone at this tempo first, then together at half speed.');
  }
  if (body.fingering && body.fingering.length > 0)
    tips.push('Use the fingering given: the same finger on the same note every time builds the habit.');
  tips.push(`Start at ♩ = ${Math.max(40, Math.round(tempo * 0.7))} and work up to ♩ = ${Math.round(tempo)}.`);
  return tips;
}
