import { join } from 'node:path';
import type { SongListResponse, SongSummaryView } from '@cadenza/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumInstalled, useStudio } from './harness.js';

/**
 * The Songs pages in a real browser against the real server: /songs opened from its address (the
 * server gives a browser the studio page there and fetch() the JSON), filtered by a genre, a song opened
 * from its card with its facts and engraved score, opened again from its own address, and "Practise this
 * song" landing on the Practice page with the song's title; the phone layout without sideways scrolling.
 * Screenshots go to apps/web/test-results/.
 */
const hasChromium = chromiumInstalled('songs');

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };

/** The genre with the fewest songs that still has some: filtering by it must hide the others. */
function narrowGenre(songs: readonly SongSummaryView[]): string {
  const counts = new Map<string, number>();
  for (const song of songs) for (const genre of song.genres) counts.set(genre, (counts.get(genre) ?? 0) + 1);
  const [genre] = [...counts.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))[0] ?? [];
  if (!genre) throw new Error('no genre in the catalogue');
  return genre;
}

/** Length of one bar in quarter notes ("6/8" → 3). */
function barQuarters(timeSignature: string): number {
  const [beats, beatType] = timeSignature.split('/').map(Number);
  return ((beats ?? 4) * 4) / (beatType ?? 4);
}

describe.skipIf(!hasChromium)('songs end to end', { timeout: 120_000 }, () => {
  let catalogue: SongListResponse;
  const studio = useStudio({
    name: 'songs',
    setupTimeout: 120_000,
    setUp: async ({ url }) => {
      catalogue = (await (await fetch(`${url}/songs`)).json()) as SongListResponse;
    },
  });

  async function openPage(viewport: { width: number; height: number }, path: string): Promise<Page> {
    const page = await studio.newPage(viewport);
    const response = await page.goto(studio.url + path);
    expect(response?.headers()['content-type'] ?? '', `GET ${path} as a browser`).toContain('text/html');
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  }
  const cards = (page: Page) => page.getByRole('list', { name: 'Songs' }).locator(':scope > li');
  /** Waits until the engraved score shows noteheads and answers how many. */
  async function noteheads(page: Page, title: string): Promise<number> {
    const score = page.getByRole('img', { name: new RegExp(`^Score of ${title}`) });
    await score.locator('svg g.note').first().waitFor({ timeout: 60_000 });
    return score.locator('svg g.note').count();
  }

  it('filters by genre, opens a song with its score, and practises it', async () => {
    const page = await openPage(DESKTOP, '/songs');
    await page.getByRole('heading', { level: 1, name: 'Songs', exact: true }).waitFor();
    expect(await page.title()).toBe('Songs · Cadenza');
    await cards(page).first().waitFor();
    expect(await cards(page).count()).toBe(catalogue.songs.length);
    await page.screenshot({ path: join(studio.shots, 'desktop-songs.png'), fullPage: true });

    const genre = narrowGenre(catalogue.songs);
    const expected = catalogue.songs.filter((s) => s.genres.includes(genre as SongSummaryView['genres'][0]));
    await page.getByLabel('Genre', { exact: true }).selectOption(genre);
    await page.waitForURL(`**/songs?genre=${genre}`);
    await page.getByText(`${expected.length} of ${catalogue.total} songs`).waitFor();
    expect(await cards(page).count()).toBe(expected.length);
    const titles = (await cards(page).locator('.song-card__title').allTextContents()).map((t) => t.trim());
    expect(titles).toEqual(expected.map((s) => s.title));
    await page.screenshot({ path: join(studio.shots, 'desktop-songs-genre.png'), fullPage: true });

    const song = expected[0];
    if (!song) throw new Error('no song in the genre');
    await page.getByRole('link', { name: new RegExp(`^${song.title}`) }).click();
    await page.waitForURL(`**/songs/${song.id}`);
    await page.getByRole('heading', { level: 1, name: song.title, exact: true }).waitFor();
    expect(await page.title()).toBe(`${song.title} · Cadenza`);
    const facts = page.getByRole('definition');
    expect((await facts.allTextContents()).map((t) => t.trim())).toContain(song.key);
    expect(await noteheads(page, song.title)).toBeGreaterThan(4);
    await page
      .getByRole('group', { name: `Play ${song.title}` })
      .first()
      .waitFor();
    // The player's audio (GET /songs/{id}/audio.wav, synthesised by the server) lasts the song's bars.
    const written = (song.bars * barQuarters(song.time_signature) * 60) / song.tempo;
    await page.waitForFunction("(document.querySelector('.player audio')?.duration ?? 0) > 0", null, {
      timeout: 60_000,
    });
    const seconds = await page.evaluate<number>("document.querySelector('.player audio').duration");
    expect(seconds).toBeGreaterThan(written * 0.95);
    expect(seconds).toBeLessThan(written + 4);
    await page.screenshot({ path: join(studio.shots, 'desktop-song.png'), fullPage: true });

    // The song's own address, loaded afresh (a shared link), is the page too.
    await page.goto(`${studio.url}/songs/${song.id}`);
    await page.getByRole('heading', { level: 1, name: song.title, exact: true }).waitFor();

    await page.getByRole('button', { name: 'Practise this song' }).click();
    await page.waitForURL(/\/practice\?exercise=[A-Za-z0-9_-]{22}$/);
    await page.getByRole('heading', { level: 2, name: song.title, exact: true }).waitFor({ timeout: 20_000 });
    expect(await noteheads(page, song.title)).toBeGreaterThan(4);
    await page.screenshot({ path: join(studio.shots, 'desktop-song-practice.png'), fullPage: true });
    await page.close();
  });

  it('says an unknown song is not there', async () => {
    const page = await openPage(DESKTOP, '/songs/no-such-song');
    await page.getByRole('alert').getByText("no song has the id 'no-such-song'").waitFor();
    await page.close();
  });

  it('fits a phone: the list and a song without sideways scrolling', async () => {
    const page = await openPage(PHONE, '/songs?level=1');
    await cards(page).first().waitFor();
    const width = () => page.evaluate<number>('document.documentElement.scrollWidth');
    expect(await width()).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: join(studio.shots, 'phone-songs.png'), fullPage: true });
    const song = catalogue.songs[0];
    if (!song) throw new Error('empty catalogue');
    await page.goto(`${studio.url}/songs/${song.id}`);
    await page.getByRole('heading', { level: 1, name: song.title, exact: true }).waitFor();
    await noteheads(page, song.title);
    expect(await width()).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: join(studio.shots, 'phone-song.png'), fullPage: true });
    await page.close();
  });
});
