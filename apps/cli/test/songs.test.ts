import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SongDetailResponse, SongListResponse } from '@cadenza/contracts';
import { midiOf, toNumber } from '@cadenza/core';
import { readMidi, readMusicXml } from '@cadenza/formats';
import { SONG_CATALOGUE } from '@cadenza/pedagogy';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';

async function run(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd });
  return { code, out, err };
}

function firstSong() {
  const song = SONG_CATALOGUE[0];
  if (!song) throw new Error('empty catalogue');
  return song;
}

describe('cadenza songs', () => {
  it('lists every song, one line each, and says how many', async () => {
    const res = await run(['songs'], tmpdir());
    expect(res.code, res.err).toBe(0);
    const lines = res.out.trim().split('\n');
    expect(lines).toHaveLength(SONG_CATALOGUE.length + 1);
    expect(lines.at(-1)).toBe(`${SONG_CATALOGUE.length} of ${SONG_CATALOGUE.length} songs`);
    for (const song of SONG_CATALOGUE) expect(res.out).toContain(song.id);
  });

  it('filters by level and genre, and --json answers the API list', async () => {
    const level = firstSong().level;
    const res = await run(['songs', '--level', String(level), '--genre', 'folk', '--json'], tmpdir());
    expect(res.code, res.err).toBe(0);
    const body = SongListResponse.parse(JSON.parse(res.out));
    expect(body.total).toBe(SONG_CATALOGUE.length);
    expect(body.songs.map((s) => s.id).sort()).toEqual(
      SONG_CATALOGUE.filter((s) => s.level === level && s.genres.includes('folk'))
        .map((s) => s.id)
        .sort(),
    );
    const jazz = SongListResponse.parse(
      JSON.parse((await run(['songs', '--genre', 'jazz', '--json'], tmpdir())).out),
    );
    expect(jazz.songs.length).toBe(SONG_CATALOGUE.filter((s) => s.genres.includes('jazz')).length);
    expect(jazz.songs.every((s) => s.genres.includes('jazz'))).toBe(true);
  });

  it('refuses a level out of range and an unknown genre, naming the option', async () => {
    const level = await run(['songs', '--level', '11'], tmpdir());
    expect(level.code).toBe(2);
    expect(level.err).toContain('--level: level must be at most 10');
    const genre = await run(['songs', '--genre', 'polka'], tmpdir());
    expect(genre.code).toBe(2);
    expect(genre.err).toContain('--genre');
  });
});

describe('cadenza song', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cadenza-cli-song-'));
  });

  it('shows the facts of one song', async () => {
    const song = firstSong();
    const res = await run(['song', song.id], dir);
    expect(res.code, res.err).toBe(0);
    expect(res.out.split('\n')[0]).toBe(song.title);
    expect(res.out).toContain(`level       ${song.level}`);
    expect(res.out).toContain(`${song.key}, ${song.timeSignature}, ♩ = ${song.tempo}, ${song.bars} bars`);
  });

  it('--json answers what GET /songs/ID answers', async () => {
    const song = firstSong();
    const res = await run(['song', song.id, '--json'], dir);
    expect(res.code, res.err).toBe(0);
    const body = SongDetailResponse.parse(JSON.parse(res.out));
    expect(body.title).toBe(song.title);
    expect(body.urls.midi_url).toBe(`/songs/${song.id}/score.mid`);
    expect(readMusicXml(body.musicxml).parts.flatMap((p) => p.notes)).toHaveLength(
      song.score().parts.flatMap((p) => p.notes).length,
    );
  });

  it("writes the song's notes as MIDI and MusicXML", async () => {
    const song = firstSong();
    const res = await run(['song', song.id, '-o', 'song.mid', '-o', 'song.musicxml'], dir);
    expect(res.code, res.err).toBe(0);
    expect(res.err).toContain('wrote song.mid, song.musicxml');
    const key = (n: { pitch: Parameters<typeof midiOf>[0]; position: Parameters<typeof toNumber>[0] }) =>
      `${toNumber(n.position).toFixed(4)}:${midiOf(n.pitch)}`;
    const written = song
      .score()
      .parts.flatMap((p) => p.notes)
      .map(key)
      .sort();
    const midi = readMidi(new Uint8Array(readFileSync(join(dir, 'song.mid'))));
    expect(
      midi.parts
        .flatMap((p) => p.notes)
        .map(key)
        .sort(),
    ).toEqual(written);
    const xml = readMusicXml(readFileSync(join(dir, 'song.musicxml'), 'utf8'));
    expect(
      xml.parts
        .flatMap((p) => p.notes)
        .map(key)
        .sort(),
    ).toEqual(written);
  });

  it('writes an engraved PDF', async () => {
    const res = await run(['song', firstSong().id, '-o', 'song.pdf'], dir);
    expect(res.code, res.err).toBe(0);
    expect(readFileSync(join(dir, 'song.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('names an unknown id and an unknown output format', async () => {
    const unknown = await run(['song', 'no-such-song'], dir);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("no song has the id 'no-such-song'");
    const format = await run(['song', firstSong().id, '-o', 'song.doc'], dir);
    expect(format.code).toBe(2);
    expect(format.err).toContain("cannot tell the format of 'song.doc'");
  });
});
