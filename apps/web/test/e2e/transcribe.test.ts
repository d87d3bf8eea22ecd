import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumInstalled, useStudio } from './harness.js';

/**
 * The Transcribe page in a real browser against the real server: a WAV of five tones made here
 * (C4 D4 E4 F4 G4, half a second each) uploaded, its facts, the five notes on the piano roll and in the
 * note list, the engraved score and the MusicXML download; a text file refused with the server's 415
 * message; the microphone button explained where the browser cannot record; a 40 s recording followed as
 * a server job (percent and stage) to the same result; the phone layout.
 * Screenshots go to apps/web/test-results/.
 */
const hasChromium = chromiumInstalled('transcribe');

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const MELODY = [60, 62, 64, 65, 67];
const NAMES = ['C4', 'D4', 'E4', 'F4', 'G4'];
/** Up and down the five tones (C D E F G F E D) ten times: 80 half-second notes, past the server's 30 s threshold. */
const LONG_MELODY = Array.from({ length: 10 }, () => [60, 62, 64, 65, 67, 65, 64, 62]).flat();
/** Elements as the page hands them over (typed by hand: the tests compile without DOM types). */
interface Element {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
}
const attributes = (elements: readonly Element[], name: string) => elements.map((e) => e.getAttribute(name));
const texts = (elements: readonly Element[]) => elements.map((e) => (e.textContent ?? '').trim());

/**
 * A 16-bit mono PCM WAV of the MIDI notes, `seconds` each: a fundamental with two harmonics, a 10 ms
 * attack, a gentle decay and a 30 ms release, then 0.3 s of silence.
 */
function melodyWav(notes: readonly number[], seconds = 0.5, rate = 22050): Uint8Array {
  const perNote = Math.round(rate * seconds);
  const total = perNote * notes.length + Math.round(rate * 0.3);
  const bytes = new Uint8Array(44 + total * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + total * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, total * 2, true);
  notes.forEach((midi, index) => {
    const hz = 440 * 2 ** ((midi - 69) / 12);
    for (let k = 0; k < perNote; k++) {
      const t = k / rate;
      const envelope =
        Math.min(1, k / (0.01 * rate)) * Math.min(1, (perNote - k) / (0.03 * rate)) * Math.exp(-1.5 * t);
      const wave =
        Math.sin(2 * Math.PI * hz * t) +
        0.5 * Math.sin(4 * Math.PI * hz * t) +
        0.25 * Math.sin(6 * Math.PI * hz * t);
      const sample = Math.round((wave / 1.75) * 0.6 * envelope * 32767);
      view.setInt16(44 + (index * perNote + k) * 2, sample, true);
    }
  });
  return bytes;
}

describe.skipIf(!hasChromium)('transcribe page end to end', { timeout: 180_000 }, () => {
  let wavPath = '';
  let textPath = '';
  let longWavPath = '';
  const studio = useStudio({
    name: 'transcribe',
    setupTimeout: 180_000,
    setUp: async ({ tempDir }) => {
      wavPath = join(tempDir, 'scale-melody.wav');
      textPath = join(tempDir, 'notes.txt');
      await writeFile(wavPath, melodyWav(MELODY));
      longWavPath = join(tempDir, 'long-scales.wav');
      await writeFile(longWavPath, melodyWav(LONG_MELODY));
      await writeFile(textPath, 'C4 D4 E4 F4 G4: not a recording, just words about one.\n');
    },
  });

  async function openTranscribe(viewport: { width: number; height: number }): Promise<Page> {
    const page = await studio.newPage(viewport);
    await page.goto(`${studio.url}/transcribe`);
    await page.getByRole('heading', { level: 1, name: 'Transcribe' }).waitFor();
    return page;
  }

  const fileInput = (page: Page) => page.getByLabel('Choose a recording or drop it here');

  async function transcribeMelody(page: Page): Promise<void> {
    await fileInput(page).setInputFiles(wavPath);
    expect(await page.getByTestId('chosen-recording').textContent()).toContain('scale-melody.wav');
    await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'scale-melody' }).waitFor({ timeout: 60_000 });
  }

  it('turns a WAV of five tones into facts, a piano roll, a score and downloads', async () => {
    const page = await openTranscribe(DESKTOP);
    // The Transcribe button waits for a recording; every path can be chosen.
    expect(await page.getByRole('button', { name: 'Transcribe', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('radio', { name: /^Chords and parts/ }).isDisabled()).toBe(false);
    expect(await page.getByRole('radio', { name: /^Automatic/ }).isChecked()).toBe(true);
    await page.getByLabel('Instrument').selectOption('piano');
    await transcribeMelody(page);

    // The facts: five notes, a tempo, a meter, the key of C and a confidence bar.
    const facts = page.locator('dl[aria-label="About this transcription"]');
    const factText = (await facts.textContent()) ?? '';
    expect(factText).toMatch(/Tempo\d+ BPM/);
    expect(factText).toMatch(/Meter\d+\/\d+/);
    expect(factText).toContain('KeyC major');
    expect(factText).toMatch(/Duration2\.\d s/);
    expect(factText).toContain('Notes5');
    const confidence = page.getByRole('meter', { name: 'Confidence' });
    expect(Number(await confidence.getAttribute('aria-valuenow'))).toBeGreaterThan(50);

    // The piano roll: five bars labelled C4 … G4, rising in pitch and in time, over the waveform.
    const roll = page.getByTestId('piano-roll');
    expect(await roll.getAttribute('aria-label')).toBe(
      'Piano roll of 5 detected notes over the recording’s waveform, from C4 to G4.',
    );
    const bars = roll.locator('.piano-roll__note');
    expect(await bars.evaluateAll(attributes, 'data-note')).toEqual(NAMES);
    const rects = roll.locator('.piano-roll__note rect');
    const xs = (await rects.evaluateAll(attributes, 'x')).map(Number);
    const ys = (await rects.evaluateAll(attributes, 'y')).map(Number);
    const boxes = xs.map((x, i) => [x, ys[i] ?? NaN]);
    for (let i = 1; i < boxes.length; i++) {
      expect(boxes[i]?.[0]).toBeGreaterThan(boxes[i - 1]?.[0] ?? Infinity);
      expect(boxes[i]?.[1]).toBeLessThan(boxes[i - 1]?.[1] ?? -Infinity);
    }
    // The waveform comes from the browser decoding the uploaded file.
    await roll.locator('path.piano-roll__wave').waitFor({ timeout: 15_000 });
    expect(((await roll.locator('path.piano-roll__wave').getAttribute('d')) ?? '').length).toBeGreaterThan(
      100,
    );
    const listed = await page.getByTestId('note-list').locator('tbody th').evaluateAll(texts);
    expect(listed).toEqual(NAMES);

    // The engraved score: the five notes.
    const score = page.getByRole('img', { name: /^Score of scale-melody, page 1 of \d+$/ });
    await score.locator('svg g.note').first().waitFor({ timeout: 60_000 });
    expect(await score.locator('svg g.note').count()).toBe(5);

    // A/B: the recording is A; B is the transcription's player, with the server's audio.
    const original = page.getByLabel('Your recording: scale-melody');
    expect(await original.getAttribute('src')).toMatch(/^blob:/);
    await page.getByText('B · Transcription').click();
    expect(await original.isVisible()).toBe(false);
    const player = page.getByRole('group', { name: 'Play the transcription of scale-melody' });
    const noAudio = page.getByText('Audio not available for this transcription');
    await player.or(noAudio).first().waitFor({ timeout: 90_000 });
    expect(await player.count()).toBe(1);
    await page.screenshot({ path: join(studio.shots, 'desktop-transcribe-result.png'), fullPage: true });
    await page.locator('.piano-roll').screenshot({ path: join(studio.shots, 'desktop-transcribe-roll.png') });

    // The downloads: MusicXML answers 200 with the score; MIDI and PDF are there too.
    const xmlHref = await page.getByRole('link', { name: 'MusicXML', exact: true }).getAttribute('href');
    expect(xmlHref).toMatch(/^\/transcriptions\/[A-Za-z0-9_-]+\/score\.musicxml$/);
    const xml = await fetch(studio.url + (xmlHref ?? ''));
    expect(xml.status).toBe(200);
    expect(await xml.text()).toContain('<score-partwise');
    expect(await page.getByRole('link', { name: 'MIDI', exact: true }).getAttribute('href')).toMatch(
      /score\.mid$/,
    );
    expect(await page.getByRole('link', { name: 'PDF', exact: true }).getAttribute('href')).toMatch(
      /score\.pdf$/,
    );
    // Not signed in: nothing is said about the library.
    expect(await page.getByText('Saved to your library.').count()).toBe(0);
    await page.close();
  });

  it('says why a text file cannot be transcribed (415), and the microphone needs a browser that records', async () => {
    const page = await openTranscribe(DESKTOP);
    await fileInput(page).setInputFiles(textPath);
    await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Could not transcribe.' });
    await alert.waitFor({ timeout: 30_000 });
    const message = (await alert.textContent()) ?? '';
    console.log(`[transcribe e2e] 415 message: ${message}`);
    expect(message).toContain('is not audio Cadenza can read');
    expect(await page.getByTestId('piano-roll').count()).toBe(0);
    await page.screenshot({ path: join(studio.shots, 'desktop-transcribe-error.png'), fullPage: true });
    await page.close();

    // A browser without MediaRecorder: the Record button is disabled and says why.
    const bare = await studio.browser.newPage({ viewport: DESKTOP });
    await bare.addInitScript('delete window.MediaRecorder');
    await bare.goto(`${studio.url}/transcribe`);
    const record = bare.getByRole('button', { name: /Record/ });
    await record.waitFor();
    expect(await record.isDisabled()).toBe(true);
    const why = await bare
      .locator(`#${(await record.getAttribute('aria-describedby')) ?? 'none'}`)
      .textContent();
    expect(why).toContain('cannot record audio');
    await bare.close();
  });

  it('says "Saved to your library" to a signed-in musician, with a link there', async () => {
    const page = await openTranscribe(DESKTOP);
    const signup = await page.request.post(`${studio.url}/auth/signup`, {
      data: {
        email: `transcribe-${Date.now()}@example.org`,
        password: 'correct horse battery',
        displayName: 'Transcribe E2E',
        role: 'student',
      },
    });
    expect(signup.status()).toBe(201);
    await page.reload();
    await page.getByText('Signed in as').waitFor();
    await page.getByLabel('Title').fill('My scale');
    await fileInput(page).setInputFiles(wavPath);
    await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
    await page.getByText('Saved to your library.').waitFor({ timeout: 60_000 });
    expect(await page.getByRole('heading', { level: 2, name: 'My scale' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Open the Library' }).click();
    await page.waitForURL('**/library');
    await page.getByRole('heading', { level: 2, name: 'My scale' }).first().waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('transcribes a 40 s recording as a server job: percent and stage while it runs, then the same result', async () => {
    const page = await studio.newPage(DESKTOP);
    // Every text the progress label shows, however briefly, kept in order.
    await page.addInitScript(`
      window.__progressSeen = [];
      new MutationObserver(() => {
        const text = document.querySelector('.transcribe-progress__label')?.textContent;
        const seen = window.__progressSeen;
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    `);
    await page.goto(`${studio.url}/transcribe`);
    await page.getByRole('heading', { level: 1, name: 'Transcribe' }).waitFor();
    await fileInput(page).setInputFiles(longWavPath);
    await page.getByRole('button', { name: 'Transcribe', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'long-scales' }).waitFor({ timeout: 60_000 });

    const seen = await page.evaluate<string[]>('window.__progressSeen');
    console.log(`[transcribe e2e] long recording progress: ${seen.join(' | ')}`);
    const working = seen.filter((text) => text.startsWith('Transcribing…'));
    expect(working.length).toBeGreaterThan(0);
    for (const text of working) expect(text).toMatch(/^Transcribing… \d+ % · \S/);
    const percents = working.map((text) => Number(/(\d+) %/.exec(text)?.[1]));
    expect(percents).toEqual([...percents].sort((a, b) => a - b));

    // The result as for a short file: the facts, every note in order, the downloads.
    const factText = (await page.locator('dl[aria-label="About this transcription"]').textContent()) ?? '';
    expect(factText).toContain(`Notes${LONG_MELODY.length}`);
    expect(factText).toMatch(/Duration40\.\d s/);
    const listed = await page.getByTestId('note-list').locator('tbody th').evaluateAll(texts);
    expect(listed).toEqual(LONG_MELODY.map((midi) => NAMES[MELODY.indexOf(midi)]));
    const xmlHref = await page.getByRole('link', { name: 'MusicXML', exact: true }).getAttribute('href');
    expect(xmlHref).toMatch(/^\/transcriptions\/[A-Za-z0-9_-]+\/score\.musicxml$/);
    await page.screenshot({ path: join(studio.shots, 'desktop-transcribe-long-result.png') });
    await page.close();
  });

  it('fits a phone: no sideways scrolling, the roll as wide as the screen', async () => {
    const page = await openTranscribe(PHONE);
    await page.screenshot({ path: join(studio.shots, 'phone-transcribe-form.png'), fullPage: true });
    await transcribeMelody(page);
    const score = page.getByRole('img', { name: /^Score of scale-melody/ });
    await score.locator('svg g.note').first().waitFor({ timeout: 60_000 });
    await page.getByTestId('piano-roll').locator('path.piano-roll__wave').waitFor({ timeout: 15_000 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
    await page.screenshot({ path: join(studio.shots, 'phone-transcribe-result.png'), fullPage: true });
    await page.locator('.piano-roll').screenshot({ path: join(studio.shots, 'phone-transcribe-roll.png') });
    await page.close();
  });
});
