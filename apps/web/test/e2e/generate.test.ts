import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumInstalled, useStudio } from './harness.js';

/**
 * The Generate page in a real browser against the real server: a jazz description in, a chord chart
 * with roman numerals, an engraved score, the facts and a MIDI download out; a refused field named next
 * to itself; a chart of one's own; the phone layout. Screenshots go to apps/web/test-results/.
 */
const hasChromium = chromiumInstalled('generate');

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
/** The text of each chord-table row's numeral cell (typed by hand: the tests compile without DOM types). */
const texts = (elements: readonly { readonly textContent: string | null }[]) =>
  elements.map((element) => (element.textContent ?? '').trim());

describe.skipIf(!hasChromium)('generate page end to end', { timeout: 180_000 }, () => {
  const studio = useStudio({ name: 'generate', setupTimeout: 180_000 });

  async function openGenerate(viewport: { width: number; height: number }): Promise<Page> {
    const page = await studio.newPage(viewport);
    await page.goto(`${studio.url}/generate`);
    await page.getByRole('heading', { level: 1, name: 'Generate' }).waitFor();
    return page;
  }

  const chordTable = (page: Page) => page.getByRole('table', { name: /^Chord chart in / });
  const facts = (page: Page) => page.getByRole('definition');

  it('turns a jazz description into a chord chart, a score and a MIDI file', async () => {
    const page = await openGenerate(DESKTOP);
    await page.getByRole('radio', { name: /^Jazz/ }).check();
    await page.getByLabel('Description').fill('Medium swing standard in Bb with a walking bass');
    await page.getByLabel('Bars').fill('8');
    await page.getByLabel('Seed').fill('42');
    await page.getByRole('button', { name: 'Generate', exact: true }).click();

    const table = chordTable(page);
    await table.waitFor({ timeout: 60_000 });
    expect(await page.getByRole('caption').textContent()).toBe('Chord chart in Bb, bar by bar');
    const numerals = await table.locator('tbody td.numeral').evaluateAll(texts);
    expect(numerals.length).toBeGreaterThanOrEqual(4);
    // A jazz standard in Bb leans on the ii–V: some row is a ii or a V chord.
    expect(numerals.some((numeral) => /^(ii|V)/.test(numeral))).toBe(true);
    const symbols = await table.locator('tbody th[scope="row"]').evaluateAll(texts);
    expect(symbols.length).toBe(numerals.length);
    // Notes are spelled for each chord: Bbmaj7 is Bb D F A wherever it appears.
    const rows = await table.locator('tbody tr:not(.chord-table__section)').evaluateAll(texts);
    expect(rows.length).toBe(numerals.length);

    // The facts: the key read from "in Bb", the seed asked for, 8 bars in 4/4.
    const factTexts = await facts(page).allTextContents();
    expect(factTexts).toContain('Bb');
    expect(factTexts).toContain('42');
    expect(factTexts).toContain('8');
    expect(factTexts).toContain('4/4');
    const reading = page.getByText('How we read your request:');
    expect(await reading.locator('..').textContent()).toContain('key Bb major (from “in Bb”)');
    expect(await reading.locator('..').textContent()).toContain('8 bars (as you set it)');

    // The engraved score: eight bars of two-handed piano are many notes.
    const score = page.getByRole('img', { name: /^Score of Jazz in Bb, page 1 of \d+$/ });
    await score.locator('svg g.note').first().waitFor({ timeout: 60_000 });
    expect(await score.locator('svg g.note').count()).toBeGreaterThan(16);
    expect(await score.locator('svg g.measure').count()).toBeGreaterThanOrEqual(8);

    // The player, with the server's synthesised audio (or an honest "not available").
    const player = page.getByRole('group', { name: 'Play Jazz in Bb' });
    const noAudio = page.getByText('Audio not available for this arrangement');
    await player.or(noAudio).first().waitFor({ timeout: 90_000 });
    expect(await player.count()).toBe(1);
    await page.screenshot({ path: join(studio.shots, 'desktop-generate-jazz.png'), fullPage: true });
    // Playing lights the notes as they sound.
    await player.getByRole('button', { name: /Play/ }).click();
    await score.locator('svg g.note.is-sounding').first().waitFor({ timeout: 15_000 });
    await page
      .locator('.generate-result')
      .screenshot({ path: join(studio.shots, 'desktop-generate-jazz-playing.png') });
    await player.getByRole('button', { name: /Pause/ }).click();

    // The MIDI link answers a Standard MIDI File.
    const midiHref = await page.getByRole('link', { name: 'MIDI', exact: true }).getAttribute('href');
    expect(midiHref).toMatch(/^\/jazz\/download\/[A-Za-z0-9_-]{22}\.mid$/);
    const midi = await fetch(studio.url + (midiHref ?? ''));
    expect(midi.status).toBe(200);
    expect(midi.headers.get('content-type')).toContain('audio/midi');
    const bytes = new Uint8Array(await midi.arrayBuffer());
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('MThd');

    // The MusicXML link saves the score the page engraved.
    const [xmlFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'MusicXML', exact: true }).click(),
    ]);
    expect(xmlFile.suggestedFilename()).toBe('Jazz in Bb.musicxml');
    expect(await readFile(await xmlFile.path(), 'utf8')).toContain('<score-partwise');

    // Regenerate: same request, a new seed, so a new arrangement.
    await page.getByRole('button', { name: /Regenerate with a new seed/ }).click();
    await page.waitForFunction(
      "[...document.querySelectorAll('.generate-facts dt')].some((dt) => dt.textContent === 'Seed' && dt.nextElementSibling.textContent !== '42')",
      undefined,
      { timeout: 60_000 },
    );
    expect(await facts(page).allTextContents()).toContain('Bb');
    await page.close();
  });

  it('shows a refused value next to its field: 0 bars', async () => {
    const page = await openGenerate(DESKTOP);
    await page.getByLabel('Description').fill('A blues in G');
    await page.getByRole('radio', { name: /^Blues/ }).check();
    await page.getByLabel('Bars').fill('0');
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    const error = page.getByText('Bars must be at least 1', { exact: true });
    await error.waitFor({ timeout: 30_000 });
    expect(await page.getByLabel('Bars').getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await page.getByLabel('Bars').getAttribute('aria-describedby')) ?? '';
    expect(describedBy).toContain(await error.getAttribute('id'));
    expect(await page.getByRole('alert').first().textContent()).toBe('Please check this field: Bars.');
    expect(await chordTable(page).count()).toBe(0);
    await page.screenshot({ path: join(studio.shots, 'desktop-generate-error.png'), fullPage: true });

    // Fixed, the error goes and the blues comes.
    await page.getByLabel('Bars').fill('12');
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await chordTable(page).waitFor({ timeout: 60_000 });
    expect(await page.getByText('Bars must be at least 1').count()).toBe(0);
    expect(await page.getByLabel('Bars').getAttribute('aria-invalid')).toBeNull();
    expect(await facts(page).allTextContents()).toContain('G');
    await page.close();
  });

  it('arranges a chord chart of your own, keyboard only, from an example chip', async () => {
    const page = await openGenerate(DESKTOP);
    // An example prompt is a button: Enter fills the description.
    const chip = page.getByRole('group', { name: 'Jazz examples' }).getByRole('button').first();
    await chip.focus();
    await page.keyboard.press('Enter');
    expect(await page.getByLabel('Description').inputValue()).toBe((await chip.textContent()) ?? '');
    await page.getByLabel('Use my own chord chart').check();
    await page.getByLabel('Chord chart', { exact: true }).fill('| Cmaj7 | Am7 | Dm7 G7 | Cmaj7 |');
    await page.getByLabel('Chord chart', { exact: true }).press('Tab');
    await page.getByRole('button', { name: 'Generate', exact: true }).focus();
    await page.keyboard.press('Enter');
    const table = chordTable(page);
    await table.waitFor({ timeout: 60_000 });
    const symbols = await table.locator('tbody th[scope="row"]').evaluateAll(texts);
    expect(symbols).toEqual(['Cmaj7', 'Am7', 'Dm7', 'G7', 'Cmaj7']);
    const numerals = await table.locator('tbody td.numeral').evaluateAll(texts);
    expect(numerals[2]).toMatch(/^ii/);
    expect(numerals[3]).toMatch(/^V7/);
    const reading = (await page.getByText('How we read your request:').locator('..').textContent()) ?? '';
    expect(reading).toContain('4 bars (from your chord chart)');
    await page.close();
  });

  it('says "Saved to your library" to a signed-in musician, with a link there', async () => {
    const page = await openGenerate(DESKTOP);
    const signup = await page.request.post(`${studio.url}/auth/signup`, {
      data: {
        email: `generate-${Date.now()}@example.org`,
        password: 'correct horse battery',
        displayName: 'Generate E2E',
        role: 'student',
      },
    });
    expect(signup.status()).toBe(201);
    await page.reload();
    await page.getByText('Signed in as').waitFor();
    await page.getByRole('radio', { name: /^Classical/ }).check();
    await page.getByLabel('Description').fill('Gentle classical piece in G major');
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await page.getByText('Saved to your library.').waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Open the Library' }).click();
    await page.waitForURL('**/library');
    await page
      .getByRole('heading', { level: 2, name: /Classical|G major/ })
      .first()
      .waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('fits a phone: no sideways scrolling, the chart as cards', async () => {
    const page = await openGenerate(PHONE);
    await page.getByRole('radio', { name: /^Neo-soul/ }).check();
    await page.getByLabel('Description').fill('Smooth neo-soul groove in Eb, laid back');
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await chordTable(page).waitFor({ timeout: 60_000 });
    const score = page.getByRole('img', { name: /^Score of Neo-soul in Eb/ });
    await score.locator('svg g.note').first().waitFor({ timeout: 60_000 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
    await page.screenshot({ path: join(studio.shots, 'phone-generate-neosoul.png'), fullPage: true });
    // Close-ups a person can read: the chart as cards, the score with its player and the downloads.
    await chordTable(page).screenshot({ path: join(studio.shots, 'phone-generate-chart.png') });
    await page
      .getByRole('heading', { name: 'Score' })
      .locator('..')
      .locator('.score-view')
      .screenshot({ path: join(studio.shots, 'phone-generate-score.png') });
    await page
      .locator('.generate-downloads')
      .screenshot({ path: join(studio.shots, 'phone-generate-downloads.png') });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(studio.shots, 'phone-generate-form.png') });
    await page.close();
  });
});
