import {
  compare,
  createScore,
  keyName,
  MusicError,
  parseKey,
  parseTimeSignature,
  ZERO,
  type Bpm,
  type Note,
  type Rational,
  type Score,
} from '@cadenza/core';
import { applyFeel } from '../arrange/feel.js';
import type { Feel } from '../arrange/arrangement-types.js';
import type { LearningGenre } from '../learning/learning-types.js';
import { leftHandFromChords, type LeftHandStyle } from './song-left-hand.js';
import { parseChordLine, parseNotation, parseNoteValue } from './song-notation.js';
import type { CatalogueSong } from './song-types.js';

/** A song as the catalogue files write it: text notation plus the facts a summary shows. */
export interface SongSource {
  readonly id: string;
  readonly title: string;
  readonly composer: string;
  readonly origin: string;
  readonly level: number;
  readonly genres: readonly LearningGenre[];
  /** "G major", "D minor". */
  readonly key: string;
  /** "3/4". */
  readonly meter: string;
  readonly tempo: number;
  /** Word over the metronome mark ("Andante", "Swing"). */
  readonly tempoText?: string;
  /** Pickup as a note value ("q", "e", "h."), when the tune has one. */
  readonly pickup?: string;
  readonly skills: readonly string[];
  /** Right-hand melody (staff 1) in song notation. */
  readonly melody: string;
  /** Chord symbols, one bar per `|`, from the first full bar. */
  readonly chords?: string;
  /** A written-out left hand (staff 2) in song notation, one string per voice; wins over `leftHandStyle`. */
  readonly leftHand?: string | readonly string[];
  /** A left hand drawn from the chords. */
  readonly leftHandStyle?: LeftHandStyle;
  /**
   * How it is played (performance offsets only; the notation stays straight): swung eighths for jazz and
   * blues, a laid-back pocket for neo-soul. Straight when absent.
   */
  readonly feel?: Feel;
  /** Who arranged or reharmonised it ("Cadenza"); engraved as "arr. …", the origin says what was done. */
  readonly arranger?: string;
}

/** Builds the score a song's source describes; throws `MusicError` for a bar that does not add up. */
export function buildSongScore(source: SongSource): Score {
  const meter = parseTimeSignature(source.meter);
  const key = parseKey(source.key);
  const pickup: Rational = source.pickup ? parseNoteValue(source.pickup) : ZERO;
  const context = { meter, pickup, staff: 1, voice: 1 };
  const melody = parseNotation(source.melody, context);
  const chordSymbols = source.chords ? parseChordLine(source.chords, context) : [];
  const late = chordSymbols.find((c) => compare(c.position, melody.end) >= 0);
  if (late) throw new MusicError(`${source.id}: the chord ${late.symbol} comes after the melody ends`);
  let left: Note[] = [];
  if (source.leftHand) {
    const voices = typeof source.leftHand === 'string' ? [source.leftHand] : source.leftHand;
    left = voices.flatMap((line, i) => {
      const parsed = parseNotation(line, { ...context, staff: 2, voice: i + 1 });
      if (parsed.end.n * melody.end.d !== melody.end.n * parsed.end.d) {
        throw new MusicError(`${source.id}: the left hand and the melody end at different places`);
      }
      return parsed.notes;
    });
  } else if (source.leftHandStyle && chordSymbols.length > 0) {
    left = leftHandFromChords({
      chords: chordSymbols,
      style: source.leftHandStyle,
      meter,
      pickup,
      end: melody.end,
    });
  }
  const twoHands = left.length > 0;
  return createScore({
    metadata: {
      title: source.title,
      composer: source.composer,
      ...(source.arranger ? { arranger: source.arranger } : {}),
      source: `Cadenza song catalogue: ${source.id} (${source.origin})`,
    },
    parts: [
      {
        id: 'P1',
        name: 'Piano',
        staves: twoHands ? 2 : 1,
        clefs: twoHands ? ['treble', 'bass'] : ['treble'],
        program: 0,
        notes: applyFeel([...melody.notes, ...left], source.feel ?? { kind: 'straight' }),
      },
    ],
    pickup,
    meters: [{ position: ZERO, timeSignature: meter }],
    keys: [{ position: ZERO, key }],
    tempos: [
      { position: ZERO, bpm: source.tempo as Bpm, ...(source.tempoText ? { text: source.tempoText } : {}) },
    ],
    chordSymbols,
    end: melody.end,
  });
}

/** Bars in a score, not counting the pickup (a short last bar counts as one). */
function countBars(source: SongSource): number {
  const meter = parseTimeSignature(source.meter);
  const pickup = source.pickup ? parseNoteValue(source.pickup) : ZERO;
  const lengths = parseNotation(source.melody, { meter, pickup, staff: 1, voice: 1 }).barLengths;
  return pickup.n > 0 ? lengths.length - 1 : lengths.length;
}

/** A catalogue entry from its source: the summary is worked out once, the score built on demand. */
export function defineSong(source: SongSource): CatalogueSong {
  return {
    id: source.id,
    title: source.title,
    composer: source.composer,
    origin: source.origin,
    level: source.level,
    genres: source.genres,
    key: keyName(parseKey(source.key)),
    timeSignature: source.meter,
    tempo: source.tempo,
    bars: countBars(source),
    hasChords: Boolean(source.chords),
    skills: source.skills,
    score: () => buildSongScore(source),
  };
}
