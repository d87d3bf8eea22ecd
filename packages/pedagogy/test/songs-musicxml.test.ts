import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Score } from '@cadenza/core';
import { readMusicXml, writeMusicXml } from '@cadenza/formats';
import { describe, expect, it } from 'vitest';
import { SONG_CATALOGUE } from '../src/index.js';

const XSD = fileURLToPath(new URL('../../../../shared/schemas/musicxml/musicxml.xsd', import.meta.url));
const hasXmllint = (): boolean => existsSync(XSD) && spawnSync('xmllint', ['--version']).status === 0;

const summary = (score: Score): string[] =>
  score.parts
    .flatMap((p) => p.notes)
    .map(
      (n) =>
        `${n.staff}:${n.pitch.step}${n.pitch.alter}${n.pitch.octave}@${n.position.n}/${n.position.d}+${n.duration.n}/${n.duration.d}`,
    )
    .sort();

describe('songs as MusicXML', () => {
  it('read back with the same notes, chord symbols, pickup and key', () => {
    for (const song of SONG_CATALOGUE) {
      const score = song.score();
      const back = readMusicXml(writeMusicXml(score));
      expect(summary(back), song.id).toEqual(summary(score));
      expect(
        back.chordSymbols.map((c) => c.position),
        song.id,
      ).toEqual(score.chordSymbols.map((c) => c.position));
      expect(back.pickup, song.id).toEqual(score.pickup);
      expect(back.keys[0]?.key, song.id).toEqual(score.keys[0]?.key);
    }
  });

  it.skipIf(!hasXmllint())('validate against the MusicXML 4.0 schema, every song', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadenza-songs-xml-'));
    const files = SONG_CATALOGUE.map((song) => {
      const path = join(dir, `${song.id}.musicxml`);
      writeFileSync(path, writeMusicXml(song.score()));
      return path;
    });
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', XSD, ...files], { encoding: 'utf8' });
    expect(run.stderr.split('\n').filter((l) => l.includes('fails') || l.includes(' error '))).toEqual([]);
    expect(run.status).toBe(0);
  });
});
