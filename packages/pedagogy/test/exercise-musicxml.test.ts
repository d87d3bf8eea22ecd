import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { midiOf, type Note, type Score } from '@cadenza/core';
import { readMidi, readMusicXml, writeMidi, writeMusicXml } from '@cadenza/formats';
import { describe, expect, it } from 'vitest';
import { EXERCISE_TYPES, generateExercise, type ExerciseFields } from '../src/index.js';

const XSD = fileURLToPath(new URL('../../../../shared/schemas/musicxml/musicxml.xsd', import.meta.url));
const hasXmllint = (): boolean => existsSync(XSD) && spawnSync('xmllint', ['--version']).status === 0;

const summary = (score: Score): string[] =>
  score.parts
    .flatMap((p) => p.notes)
    .map(
      (n: Note) =>
        `${n.staff}:${n.pitch.step}${n.pitch.alter}${n.pitch.octave}@${n.position.n}/${n.position.d}+${n.duration.n}/${n.duration.d}`,
    )
    .sort();

const CASES: ExerciseFields[] = [
  { skillType: 'scales', subtype: 'minor_harmonic', keySignature: 'G#', difficulty: 5 },
  { skillType: 'scales', subtype: 'chromatic', keySignature: 'Eb', difficulty: 8 },
  { skillType: 'arpeggios', subtype: 'diminished', keySignature: 'C', difficulty: 8 },
  { skillType: 'chord_progressions', subtype: 'circle_of_fifths', keySignature: 'Bb', difficulty: 9 },
  { skillType: 'rhythm', subtype: 'triplets', difficulty: 10, seed: 5 },
  {
    skillType: 'rhythm',
    subtype: 'dotted_rhythms',
    difficulty: 7,
    timeSignature: '6/8',
    specialFocus: 'percussion',
    seed: 2,
  },
  { skillType: 'sight_reading', subtype: 'rhythm_reading', difficulty: 9, seed: 11 },
];

describe('exercises as MusicXML and MIDI', () => {
  it.each(CASES)('%o reads back from MusicXML with the same notes, key and meter', (fields) => {
    const e = generateExercise(fields);
    const xml = writeMusicXml(e.score);
    const back = readMusicXml(xml);
    expect(summary(back)).toEqual(summary(e.score));
    expect(back.keys[0]?.key).toEqual(e.key);
    expect(back.meters[0]?.timeSignature).toEqual(e.timeSignature);
    expect(back.parts[0]?.clefs).toEqual(e.score.parts[0]?.clefs);
    expect(back.metadata.title).toBe(e.title);
  });

  it('keeps the pitches and timing through MIDI', () => {
    const e = generateExercise({ skillType: 'sight_reading', difficulty: 6, seed: 9 });
    const back = readMidi(writeMidi(e.score));
    const times = (s: Score) =>
      s.parts
        .flatMap((p) => p.notes)
        .map((n) => `${midiOf(n.pitch)}@${n.position.n / n.position.d}`)
        .sort();
    expect(times(back)).toEqual(times(e.score));
  });

  it.skipIf(!hasXmllint())(
    'writes MusicXML that validates against the MusicXML 4.0 schema, every subtype',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'cadenza-exercise-xml-'));
      const files: string[] = [];
      for (const [skillType, subtypes] of Object.entries(EXERCISE_TYPES)) {
        if (skillType === 'ear_training') continue;
        for (const subtype of Object.keys(subtypes)) {
          for (const difficulty of [2, 9]) {
            const path = join(dir, `${skillType}-${subtype}-${difficulty}.musicxml`);
            writeFileSync(
              path,
              writeMusicXml(generateExercise({ skillType, subtype, difficulty, seed: 3 }).score),
            );
            files.push(path);
          }
        }
      }
      const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', XSD, ...files], {
        encoding: 'utf8',
      });
      expect(run.stderr.split('\n').filter((l) => l.includes('fails') || l.includes(' error '))).toEqual([]);
      expect(run.status).toBe(0);
    },
  );
});
