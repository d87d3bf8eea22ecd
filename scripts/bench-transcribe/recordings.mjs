// bench:transcribe real recordings from ../shared/eval/transcription (see ../shared/eval/README.md for
// sources and licences: vocadito, TinySOL, GuitarSet — all CC BY 4.0). Read in place, never copied.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import { hzOfMidi, keyClassOf } from './test-set.mjs';

export const TRANSCRIPTION = fileURLToPath(new URL('../../../shared/eval/transcription/', import.meta.url));

const read = (path) => new Uint8Array(readFileSync(TRANSCRIPTION + path));

/** vocadito's note CSV (onset_s,f0_hz,duration_s, no header) → NoteEvents. */
function vocaditoNotes(path) {
  return readFileSync(TRANSCRIPTION + path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const [onset, hz, duration] = line.split(',').map(Number);
      return { onset, offset: onset + duration, pitchHz: hz };
    });
}

/** GuitarSet JAMS: notes from every `note_midi` annotation (one per string), plus tempo, key and meter. */
function guitarsetTruth(path) {
  const jams = JSON.parse(readFileSync(TRANSCRIPTION + path, 'utf8'));
  const notes = jams.annotations
    .filter((a) => a.namespace === 'note_midi')
    .flatMap((a) => a.data)
    .map((d) => ({ onset: d.time, offset: d.time + d.duration, pitchHz: hzOfMidi(d.value) }))
    .sort((a, b) => a.onset - b.onset);
  const first = (ns) => jams.annotations.find((a) => a.namespace === ns)?.data?.[0]?.value;
  const tempo = first('tempo');
  const keyMode = first('key_mode'); // "G:major"
  const beat = first('beat_position');
  let key;
  if (typeof keyMode === 'string') {
    const [tonic, mode] = keyMode.split(':');
    key = keyClassOf({
      tonic: { step: tonic[0], alter: tonic.length > 1 ? (tonic[1] === '#' ? 1 : -1) : 0 },
      mode,
    });
  }
  return {
    notes,
    bpm: typeof tempo === 'number' ? tempo : undefined,
    key,
    timeSignature: beat ? `${beat.num_beats}/${beat.beat_units}` : undefined,
  };
}

/**
 * The real-recording cases: {subset, file, hint, bytes, truth: {notes?, midi?, bpm?, key?, timeSignature?}}.
 * `truth.midi` (TinySOL) is a single known pitch with no timing: scored by pitch, not F1.
 */
export function recordingCases() {
  if (!existsSync(TRANSCRIPTION)) return [];
  const cases = [];
  const vocadito = 'vocadito/vocadito_1.wav';
  for (const annotator of ['A1', 'A2']) {
    cases.push({
      subset: `vocadito_1 vs ${annotator}`,
      file: vocadito,
      hint: 'voice',
      truth: { notes: vocaditoNotes(`vocadito/vocadito_1_notes${annotator}.csv`) },
    });
  }
  const metadata = readFileSync(TRANSCRIPTION + 'tinysol/TinySOL_metadata.csv', 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  for (const row of metadata) {
    const cols = row.split(',');
    const file = `tinysol/${cols[0].split('/').pop()}`;
    cases.push({
      subset: 'TinySOL single notes',
      file,
      hint: cols[2] === 'Winds' ? 'winds' : 'strings',
      truth: { midi: Number(cols[8]) },
    });
  }
  cases.push({
    subset: 'GuitarSet solo (mic)',
    file: 'guitarset/03_BN3-119-G_solo_mic.wav',
    hint: 'guitar',
    truth: guitarsetTruth('guitarset/03_BN3-119-G_solo.jams'),
  });
  // Slakh (babyslakh Track00001) is left out: its stems are 2 s excerpts, and in them only S00 (distortion
  // guitar, chords) and the drums sound; every monophonic stem (bass, organ, harmonica…) is silent there.
  return cases.map((c) => ({ ...c, bytes: read(c.file) }));
}
