import type { ExerciseMidiNote } from '@cadenza/contracts';
import { keyName, midiOf, toNumber, type Score } from '@cadenza/core';
import { writeMidi, writeMusicXml } from '@cadenza/formats';
import type { CatalogueSong } from '@cadenza/pedagogy';
import type { StorableExercise } from '../practice/generate-exercise.js';

/** The subtype a song stored as an exercise carries, so sessions and plans can tell songs apart. */
export const SONG_EXERCISE_SUBTYPE = 'song';

/**
 * Every note of the song, both hands, in seconds at its marked tempo (the first part's staves as written,
 * any later part counted as the left hand), ordered as exercises order theirs: by onset, staff, pitch.
 */
export function songMidiNotes(score: Score, tempo: number): ExerciseMidiNote[] {
  const secondsPerQuarter = 60 / tempo;
  return score.parts
    .flatMap((part, index) =>
      part.notes.map((n) => ({
        midi: midiOf(n.pitch),
        start: toNumber(n.position) * secondsPerQuarter,
        duration: toNumber(n.duration) * secondsPerQuarter,
        staff: index === 0 ? n.staff : 2,
      })),
    )
    .sort((a, b) => a.start - b.start || a.staff - b.staff || a.midi - b.midi);
}

/** What to keep in mind while practising the song: what it teaches, then how to work on it. */
function songTips(song: CatalogueSong, hands: number): string[] {
  const tips = song.skills.map((skill) => `This piece works on ${skill}.`);
  if (hands > 1) tips.push('Learn each hand alone first, then put them together slowly.');
  tips.push(`Start below the marked tempo (♩ = ${song.tempo}) and speed up once every note is right.`);
  if (song.hasChords)
    tips.push('Say the chord symbols as you play: they tell you what the left hand outlines.');
  return tips;
}

/**
 * A catalogue song in the shape a stored practice exercise has (`storeExercise`), so the practice page
 * shows it and `POST /practice/attempts` grades it like any exercise: both hands as the expected notes at
 * the song's tempo, its title, level as the difficulty, sight reading as the skill (subtype "song").
 */
export function songAsExercise(song: CatalogueSong): StorableExercise {
  const score = song.score();
  const musicxml = writeMusicXml(score);
  const midiNotes = songMidiNotes(score, song.tempo);
  const end = Math.max(0, ...midiNotes.map((n) => n.start + n.duration));
  const staves = new Set(midiNotes.map((n) => n.staff)).size;
  const key = score.keys[0]?.key;
  return {
    request: {
      skill_type: 'sight_reading',
      subtype: SONG_EXERCISE_SUBTYPE,
      difficulty: song.level,
      tempo: song.tempo,
      duration_bars: song.bars,
      include_sheet_music: true,
      count_in: false,
      metronome: false,
      seed: 0,
    },
    report: {
      title: song.title,
      description: `${song.composer} — ${song.origin}`,
      skill_type: 'sight_reading',
      subtype: SONG_EXERCISE_SUBTYPE,
      difficulty: song.level,
      key: key ? keyName(key) : song.key,
      time_signature: song.timeSignature,
      tempo: song.tempo,
      bars: song.bars,
      midi_notes: midiNotes,
      estimated_duration: Math.ceil(end),
      count_in_bars: 0,
      practice_tips: songTips(song, staves),
      fingering: null,
      chords: null,
      musicxml,
      seed: 0,
    },
    midi: writeMidi(score),
    musicxml,
  };
}
