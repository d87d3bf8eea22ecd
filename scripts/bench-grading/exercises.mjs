// bench:grading exercises as expected-note lists (expectedNotesFromScore): scales, arpeggios, sight reading
// and chord progressions from the pedagogy exercise generator (`generateExercise`) when it is there, else
// built here with @cadenza/core scores. Melodies built here: seeded stepwise tunes with repeated notes and
// mixed note values, and the opening phrases of Bach chorale sopranos from ../shared/eval/scores/bach (read in place, never copied).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';

const CHORALES = fileURLToPath(new URL('../../../shared/eval/scores/bach/', import.meta.url));
const SCALES = ['major', 'harmonic minor', 'natural minor', 'melodic minor', 'chromatic', 'dorian'];
const ARPEGGIOS = {
  major: [0, 4, 7],
  minor: [0, 3, 7],
  'dominant 7th': [0, 4, 7, 10],
  diminished: [0, 3, 6, 9],
};
const TONICS = ['C', 'G', 'D', 'A', 'E', 'F', 'Bb', 'Eb', 'Ab', 'B'];

/** A one-part score of notes [{midi, beats}] in sequence (or chords: {midis, beats}). */
function lineScore(core, events, bpm, title) {
  const notes = [];
  let at = 0;
  for (const e of events) {
    const midis = e.midis ?? [e.midi];
    const position = core.fromNumber(at, 12);
    const duration = core.fromNumber(e.beats, 12);
    for (const m of midis) notes.push({ pitch: core.spellMidi(m), position, duration, staff: 1, voice: 1 });
    at += e.beats;
  }
  return core.createScore({
    metadata: { title },
    tempos: [{ position: core.rat(0), bpm }],
    parts: [{ notes }],
  });
}

function scaleEvents(core, rng) {
  const scaleName = rng.pick(SCALES);
  const type = scaleName === 'chromatic' ? undefined : core.findScaleType(scaleName);
  const tonic = core.parsePitchClass(rng.pick(TONICS));
  const octaves = type ? rng.int(1, 2) : 1;
  const start = core.placeAtOrAbove(tonic, rng.int(55, 62));
  const base = core.midiOf(start);
  const steps = type
    ? core.scaleIntervals(type).map((i) => i.semitones)
    : [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const up = [];
  for (let o = 0; o < octaves; o++) for (const s of steps) up.push(base + 12 * o + s);
  up.push(base + 12 * octaves);
  const line = [...up, ...up.slice(0, -1).reverse()];
  const beats = rng.pick([0.5, 0.5, 1, 0.25]);
  return {
    kind: 'scale',
    name: `${core.pitchClassName(tonic)} ${scaleName}`,
    events: line.map((midi) => ({ midi, beats })),
  };
}

function arpeggioEvents(core, rng) {
  const [name, shape] = rng.pick(Object.entries(ARPEGGIOS));
  const root = rng.int(52, 64);
  const inversion = rng.int(0, shape.length - 1);
  const tones = [...shape.slice(inversion), ...shape.slice(0, inversion).map((s) => s + 12)];
  const up = [];
  for (let o = 0; o < 2; o++) for (const s of tones) up.push(root + 12 * o + s);
  up.push(root + 24 + (tones[0] ?? 0));
  const line = [...up, ...up.slice(0, -1).reverse()];
  const beats = rng.pick([0.5, 0.5, 1 / 3, 1]);
  return {
    kind: 'arpeggio',
    name: `${name} arpeggio (inv. ${inversion})`,
    events: line.map((midi) => ({ midi, beats })),
  };
}

/** A seeded tune: steps and small leaps within an octave and a half, some repeated notes, mixed values. */
function tuneEvents(rng) {
  let midi = rng.int(60, 67);
  const events = [];
  const count = rng.int(16, 28);
  for (let i = 0; i < count; i++) {
    events.push({ midi, beats: rng.weighted([0.5, 1, 1.5, 2], [4, 4, 1, 1]) });
    const move = rng.weighted([0, 1, -1, 2, -2, 3, -4, 5], [2, 4, 4, 3, 3, 1, 1, 1]);
    midi = Math.min(79, Math.max(55, midi + move));
  }
  return { kind: 'melody', name: 'stepwise tune', events };
}

function chordEvents(rng) {
  const key = rng.int(57, 65);
  const progression = [
    [0, 4, 7],
    [5, 9, 12],
    [7, 11, 14],
    [0, 4, 7],
  ];
  return {
    kind: 'chords',
    name: 'I–IV–V–I block chords',
    events: [...progression, ...progression].map((c) => ({ midis: c.map((s) => key + s), beats: 2 })),
  };
}

/** The chorale sopranos' opening 20 notes, once per file; each becomes an exercise at its own tempo. */
export function choraleMelodies(readMusicXml, count) {
  let files = [];
  try {
    files = readdirSync(CHORALES)
      .filter((f) => f.endsWith('.mxl'))
      .sort()
      .slice(0, count);
  } catch {
    return [];
  }
  return files.map((file) => {
    const score = readMusicXml(new Uint8Array(readFileSync(CHORALES + file)));
    const soprano = score.parts[0];
    return { file, notes: soprano.notes.filter((n) => n.staff === 1 && n.voice === 1).slice(0, 20) };
  });
}

/**
 * One exercise as expected notes: {kind, name, bpm, expected, mono}. `kinds` limits which kinds are drawn.
 * Chorale melodies come from `chorales` (choraleMelodies' output).
 */
export function makeExercise({ core, pedagogy }, rng, { kinds, chorales, mono }) {
  const kind = rng.pick(kinds);
  const generated = fromGenerator(pedagogy, rng, kind, mono);
  if (generated) return generated;
  const bpm = rng.int(66, 112);
  let made;
  if (kind === 'scale') made = scaleEvents(core, rng);
  else if (kind === 'arpeggio') made = arpeggioEvents(core, rng);
  else if (kind === 'chords') made = chordEvents(rng);
  else if (kind === 'chorale' && chorales.length > 0) {
    const c = rng.pick(chorales);
    const first = core.toNumber(c.notes[0].position);
    const events = c.notes.map((n, i) => {
      const next = c.notes[i + 1];
      const beats = next
        ? core.toNumber(next.position) - core.toNumber(n.position)
        : core.toNumber(n.duration);
      return {
        midi: core.midiOf(n.pitch),
        beats: Math.max(beats, 0.25),
        at: core.toNumber(n.position) - first,
      };
    });
    made = { kind: 'melody', name: `chorale soprano ${c.file}`, events };
  } else made = tuneEvents(rng);
  const score = lineScore(core, made.events, bpm, made.name);
  const expected = pedagogy.expectedNotesFromScore(score);
  return { kind: made.kind, name: made.name, bpm, expected, generated: false };
}

const SKILLS = {
  scale: 'scales',
  arpeggio: 'arpeggios',
  sight: 'sight_reading',
  chords: 'chord_progressions',
};

/**
 * An exercise from the pedagogy generator (`generateExercise`), at a random difficulty 1–8: scales and
 * arpeggios (hands separately or together; the right hand alone when `mono`), sight reading, chord
 * progressions. Undefined when the generator is not there, fails, or is not monophonic when it must be.
 */
function fromGenerator(pedagogy, rng, kind, mono) {
  const skillType = SKILLS[kind];
  if (!skillType || typeof pedagogy.generateExercise !== 'function') return undefined;
  const difficulty = rng.int(1, 8);
  const seed = rng.int(1, 1_000_000);
  try {
    const focus = mono && (kind === 'scale' || kind === 'arpeggio') ? { specialFocus: 'right hand' } : {};
    const exercise = pedagogy.generateExercise({ skillType, difficulty, seed, ...focus });
    const expected = pedagogy.expectedNotesFromScore(exercise.score);
    if (mono && new Set(expected.map((e) => e.onset)).size !== expected.length) return undefined;
    const name = `${exercise.title} (difficulty ${difficulty})`;
    return {
      kind: kind === 'sight' ? 'sight reading' : kind,
      name,
      bpm: exercise.tempo,
      expected,
      generated: true,
    };
  } catch {
    return undefined;
  }
}
