import { describe, expect, it } from 'vitest';
import {
  buildChord,
  CHORD_TYPE_BY_ID,
  CHORD_TYPES,
  chordTypeIntervals,
  intervalName,
  parseChordSymbol,
  parsePitchClass,
  pitchClassName,
  type PitchClass,
} from '@cadenza/core';

/**
 * Hand-written spellings for every catalogue type: one flat root (E♭, B♭, A♭ or D♭) and one sharp root
 * (F♯, E, B or A). Notes are in stacked-thirds order from the root, spelled by interval.
 */
const TABLE: ReadonlyArray<
  [id: string, flatRoot: string, flatNotes: string, sharpRoot: string, sharpNotes: string]
> = [
  ['major', 'Eb', 'Eb G Bb', 'F#', 'F# A# C#'],
  ['minor', 'Bb', 'Bb Db F', 'E', 'E G B'],
  ['dim', 'Ab', 'Ab Cb Ebb', 'B', 'B D F'],
  ['aug', 'Db', 'Db F A', 'A', 'A C# E#'],
  ['sus2', 'Eb', 'Eb F Bb', 'F#', 'F# G# C#'],
  ['sus4', 'Bb', 'Bb Eb F', 'E', 'E A B'],
  ['maj7', 'Ab', 'Ab C Eb G', 'B', 'B D# F# A#'],
  ['m7', 'Db', 'Db Fb Ab Cb', 'A', 'A C E G'],
  ['7', 'Eb', 'Eb G Bb Db', 'F#', 'F# A# C# E'],
  ['mMaj7', 'Bb', 'Bb Db F A', 'E', 'E G B D#'],
  ['m7b5', 'Ab', 'Ab Cb Ebb Gb', 'F#', 'F# A C E'],
  ['dim7', 'Ab', 'Ab Cb Ebb Gbb', 'B', 'B D F Ab'],
  ['augMaj7', 'Db', 'Db F A C', 'A', 'A C# E# G#'],
  ['aug7', 'Eb', 'Eb G B Db', 'E', 'E G# B# D'],
  ['7b5', 'Bb', 'Bb D Fb Ab', 'F#', 'F# A# C E'],
  ['maj9', 'Eb', 'Eb G Bb D F', 'B', 'B D# F# A# C#'],
  ['m9', 'Ab', 'Ab Cb Eb Gb Bb', 'E', 'E G B D F#'],
  ['9', 'Db', 'Db F Ab Cb Eb', 'A', 'A C# E G B'],
  ['maj11', 'Bb', 'Bb D F A C Eb', 'F#', 'F# A# C# E# G# B'],
  ['m11', 'Eb', 'Eb Gb Bb Db F Ab', 'B', 'B D F# A C# E'],
  ['11', 'Ab', 'Ab C Eb Gb Bb Db', 'E', 'E G# B D F# A'],
  ['maj13', 'Db', 'Db F Ab C Eb Bb', 'A', 'A C# E G# B F#'],
  ['m13', 'Bb', 'Bb Db F Ab C G', 'F#', 'F# A C# E G# D#'],
  ['13', 'Eb', 'Eb G Bb Db F C', 'E', 'E G# B D F# C#'],
  ['7b9', 'Ab', 'Ab C Eb Gb Bbb', 'B', 'B D# F# A C'],
  ['7#9', 'Eb', 'Eb G Bb Db F#', 'E', 'E G# B D F##'],
  ['7#11', 'Db', 'Db F Ab Cb G', 'A', 'A C# E G D#'],
  ['7alt', 'Bb', 'Bb D Fb F# Ab Cb C#', 'F#', 'F# A# C C## E G G##'],
  ['13b9', 'Ab', 'Ab C Eb Gb Bbb F', 'B', 'B D# F# A C G#'],
  ['13#11', 'Db', 'Db F Ab Cb Eb G Bb', 'E', 'E G# B D F# A# C#'],
  ['add9', 'Eb', 'Eb G Bb F', 'A', 'A C# E B'],
  ['add11', 'Bb', 'Bb D F Eb', 'F#', 'F# A# C# B'],
  ['madd9', 'Ab', 'Ab Cb Eb Bb', 'E', 'E G B F#'],
  ['6/9', 'Db', 'Db F Ab Bb Eb', 'B', 'B D# F# G# C#'],
  ['6', 'Eb', 'Eb G Bb C', 'A', 'A C# E F#'],
  ['m6', 'Bb', 'Bb Db F G', 'F#', 'F# A C# D#'],
];

const names = (notes: readonly PitchClass[]): string => notes.map((n) => pitchClassName(n)).join(' ');

describe('chord type catalogue', () => {
  it('has 36 distinct ids', () => {
    expect(CHORD_TYPES).toHaveLength(36);
    expect(new Set(CHORD_TYPES.map((t) => t.id)).size).toBe(36);
    expect(CHORD_TYPE_BY_ID.size).toBe(36);
  });

  it('has no two types with the same interval set', () => {
    const sets = CHORD_TYPES.map((t) => chordTypeIntervals(t).map(intervalName).sort().join(' '));
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    sets.forEach((set, i) => {
      const id = CHORD_TYPES[i]?.id ?? '?';
      const other = seen.get(set);
      if (other !== undefined) clashes.push(`${other} = ${id}`);
      seen.set(set, id);
    });
    expect(clashes).toEqual([]);
  });

  it('has a hand-written example for every type', () => {
    expect(TABLE.map(([id]) => id).sort()).toEqual(CHORD_TYPES.map((t) => t.id).sort());
  });
});

describe.each(TABLE)('%s', (id, flatRoot, flatNotes, sharpRoot, sharpNotes) => {
  const type = CHORD_TYPE_BY_ID.get(id);
  if (type === undefined) throw new Error(`no catalogue type '${id}'`);

  it.each([
    [flatRoot, flatNotes],
    [sharpRoot, sharpNotes],
  ])(`buildChord(%s, ${id}) spells %s`, (root, expected) => {
    const chord = buildChord(parsePitchClass(root), type);
    expect(names(chord.notes)).toBe(expected);
    expect(chord.type?.id).toBe(id);
  });

  it.each([
    [flatRoot, flatNotes],
    [sharpRoot, sharpNotes],
  ])(`parseChordSymbol(%s + '${type.suffix}') spells %s`, (root, expected) => {
    const chord = parseChordSymbol(root + type.suffix);
    expect(names(chord.notes)).toBe(expected);
    expect(chord.type?.id).toBe(id);
    expect(pitchClassName(chord.bass)).toBe(root);
  });
});
