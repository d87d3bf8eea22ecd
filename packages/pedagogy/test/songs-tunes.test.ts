import { compare, midiOf, pitchName, rat, toNumber, type Score } from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import { findSong } from '../src/index.js';

/** The melody (staff 1) as "pitch:beats" in order, chords as their top note. */
function melody(id: string): string[] {
  const song = findSong(id);
  if (!song) throw new Error(`no song ${id}`);
  return tune(song.score());
}

function tune(score: Score): string[] {
  const notes = (score.parts[0]?.notes ?? []).filter((n) => n.staff === 1);
  const tops = new Map<string, (typeof notes)[number]>();
  for (const n of notes) {
    const key = `${n.position.n}/${n.position.d}`;
    const seen = tops.get(key);
    if (!seen || midiOf(n.pitch) > midiOf(seen.pitch)) tops.set(key, n);
  }
  return [...tops.values()]
    .sort((a, b) => compare(a.position, b.position))
    .map((n) => `${pitchName(n.pitch)}:${toNumber(n.duration)}`);
}

const semitoneSteps = (id: string, count: number): number[] => {
  const song = findSong(id);
  const notes = (song?.score().parts[0]?.notes ?? []).filter((n) => n.staff === 1).slice(0, count);
  return notes.slice(1).map((n, i) => midiOf(n.pitch) - midiOf(notes[i]?.pitch ?? n.pitch));
};

describe('famous tunes, note for note', () => {
  it('Ode to Joy: E E F G G F E D C C D E E. D D', () => {
    expect(melody('ode-to-joy').slice(0, 15)).toEqual(
      'E4:1 E4:1 F4:1 G4:1 G4:1 F4:1 E4:1 D4:1 C4:1 C4:1 D4:1 E4:1 E4:1.5 D4:0.5 D4:2'.split(' '),
    );
  });

  it('Twinkle, Twinkle: unison, fifth up, unison, step up, unison, step down, then down by steps', () => {
    expect(semitoneSteps('twinkle-twinkle', 14)).toEqual([0, 7, 0, 2, 0, -2, -2, 0, -1, 0, -2, 0, -2]);
    expect(melody('twinkle-twinkle')[6]).toBe('G4:2');
  });

  it('Mary Had a Little Lamb: E D C D E E E, D D D, E G G', () => {
    expect(melody('mary-had-a-little-lamb').slice(0, 13)).toEqual(
      'E4:1 D4:1 C4:1 D4:1 E4:1 E4:1 E4:2 D4:1 D4:1 D4:2 E4:1 G4:1 G4:2'.split(' '),
    );
  });

  it('Jingle Bells chorus: E E E, E E E, E G C. D E', () => {
    expect(melody('jingle-bells').slice(0, 11)).toEqual(
      'E4:1 E4:1 E4:2 E4:1 E4:1 E4:2 E4:1 G4:1 C4:1.5 D4:0.5 E4:4'.split(' '),
    );
  });

  it('Für Elise: the E–D♯ turn from a sixteenth pickup, down to A', () => {
    const song = findSong('fur-elise');
    expect(song?.score().pickup).toEqual(rat(1, 2));
    expect(melody('fur-elise').slice(0, 9)).toEqual(
      'E5:0.25 D#5:0.25 E5:0.25 D#5:0.25 E5:0.25 B4:0.25 D5:0.25 C5:0.25 A4:0.5'.split(' '),
    );
  });

  it('Amazing Grace: a quarter pickup in 3/4, D G B G B A G E D', () => {
    const song = findSong('amazing-grace');
    expect(song?.timeSignature).toBe('3/4');
    expect(song?.score().pickup).toEqual(rat(1));
    expect(melody('amazing-grace').slice(0, 9)).toEqual(
      'D4:1 G4:2 B4:0.5 G4:0.5 B4:2 A4:1 G4:2 E4:1 D4:2'.split(' '),
    );
  });

  it('Minuet in G: D, G A B C, D, G, G', () => {
    expect(melody('minuet-in-g').slice(0, 8)).toEqual(
      'D5:1 G4:0.5 A4:0.5 B4:0.5 C5:0.5 D5:1 G4:1 G4:1'.split(' '),
    );
  });

  it('Frère Jacques is a round: each two-bar phrase repeats', () => {
    const m = melody('frere-jacques');
    expect(m.slice(0, 4)).toEqual(m.slice(4, 8));
    expect(m.slice(0, 4)).toEqual(['C4:1', 'D4:1', 'E4:1', 'C4:1']);
  });

  it('the reharmonised versions keep the tune exactly', () => {
    expect(melody('amazing-grace-gospel')).toEqual(melody('amazing-grace'));
    expect(melody('amazing-grace-neosoul')).toEqual(melody('amazing-grace'));
    expect(melody('greensleeves-jazz-waltz')).toEqual(melody('greensleeves'));
    expect(melody('twinkle-neosoul')).toEqual(melody('twinkle-twinkle'));
    expect(melody('when-the-saints-dixieland')).toEqual(melody('when-the-saints'));
  });

  it('Gymnopédie No. 1: four bars of left hand, then F♯ A | G F♯ C♯ | B C♯ D | A, and a long low F♯', () => {
    const song = findSong('gymnopedie-no-1');
    const first = (song?.score().parts[0]?.notes ?? []).filter((n) => n.staff === 1)[0];
    expect(first?.position).toEqual(rat(13));
    expect(melody('gymnopedie-no-1')).toEqual(
      'F#5:1 A5:1 G5:1 F#5:1 C#5:1 B4:1 C#5:1 D5:1 A4:3 F#4:12'.split(' '),
    );
  });

  it('Prelude in C: each bar is its chord broken upward, the right hand figure played twice a half bar', () => {
    const m = melody('prelude-in-c');
    expect(m.slice(0, 6)).toEqual('G4:0.25 C5:0.25 E5:0.25 G4:0.25 C5:0.25 E5:0.25'.split(' '));
    expect(m.slice(12, 15)).toEqual('A4:0.25 D5:0.25 F5:0.25'.split(' '));
    expect(m.slice(24, 27)).toEqual('G4:0.25 D5:0.25 F5:0.25'.split(' '));
  });

  it('Canon in D: the ground bass D A B F♯ G D G A under the theme', () => {
    const bass = (findSong('canon-in-d')?.score().parts[0]?.notes ?? [])
      .filter((n) => n.staff === 2)
      .slice(0, 8)
      .map((n) => pitchName(n.pitch));
    expect(bass).toEqual(['D3', 'A2', 'B2', 'F#2', 'G2', 'D2', 'G2', 'A2']);
  });
});

describe('feel', () => {
  it('swings the off-beat eighths of a shuffle (triplet feel) and leaves the notation straight', () => {
    const notes = findSong('shuffle-in-g')?.score().parts[0]?.notes ?? [];
    const offbeat = notes.filter((n) => toNumber(n.position) % 1 === 0.5);
    const onbeat = notes.filter((n) => toNumber(n.position) % 1 === 0);
    expect(offbeat.length).toBeGreaterThan(0);
    for (const n of offbeat) expect(n.offset).toBeCloseTo(1 / 6, 9);
    for (const n of onbeat) expect(n.offset ?? 0).toBe(0);
  });

  it('plays the neo-soul pieces behind the beat, and the classical ones as written', () => {
    for (const n of findSong('velvet-sunday')?.score().parts[0]?.notes ?? [])
      expect(n.offset).toBeCloseTo(0.04, 9);
    for (const n of findSong('fur-elise')?.score().parts[0]?.notes ?? []) expect(n.offset).toBeUndefined();
  });
});

describe('Minuet in G, the left hand as in the Notebook', () => {
  it('walks D D, C B A into bar 9 and answers the melody in bar 12', () => {
    const left = (findSong('minuet-in-g')?.score().parts[0]?.notes ?? [])
      .filter((n) => n.staff === 2)
      .sort((a, b) => compare(a.position, b.position) || midiOf(a.pitch) - midiOf(b.pitch))
      .map((n) => `${pitchName(n.pitch)}:${toNumber(n.duration)}`);
    expect(left.slice(0, 4)).toEqual(['G3:2', 'B3:2', 'D4:2', 'A3:1']);
    expect(left.slice(12, 17)).toEqual(['D4:1', 'D3:0.5', 'C4:0.5', 'B3:0.5', 'A3:0.5']);
    expect(left.slice(23, 28)).toEqual(['B3:1', 'C4:0.5', 'B3:0.5', 'A3:0.5', 'G3:0.5']);
  });
});
