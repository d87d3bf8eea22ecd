import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumInstalled, useStudio } from './harness.js';
import { FAKE_MIDI_SCRIPT } from './fake-midi.js';

/**
 * The Practice page in a real browser against the real server: an exercise generated from the form
 * (title, tips, fingering, engraved score, player), played on a simulated MIDI keyboard (a fake
 * navigator.requestMIDIAccess whose input the test drives with the exercise's own notes, one of them a
 * semitone off), graded by POST /practice/attempts and shown coloured note by note with the totals;
 * Try again; the same exercise opened from its link; a browser without Web MIDI told so; the phone
 * layout. Screenshots go to apps/web/test-results/.
 */
const hasChromium = chromiumInstalled('practice');

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };
/** The played note made wrong: a semitone above the written one. */
const WRONG_INDEX = 3;

interface ExerciseNote {
  readonly midi: number;
  readonly start: number;
  readonly duration: number;
}

/** In the browser: the text of each matched element (typed by hand: the tests compile without DOM types). */
const texts = (elements: readonly { readonly textContent: string | null }[]) =>
  elements.map((element) => (element.textContent ?? '').trim());

describe.skipIf(!hasChromium)('practice page end to end', { timeout: 180_000 }, () => {
  const studio = useStudio({ name: 'practice', setupTimeout: 180_000 });
  let exerciseId = '';
  let title = '';

  async function openPractice(
    viewport: { width: number; height: number },
    path = '/practice',
  ): Promise<Page> {
    const page = await studio.newPage(viewport);
    await page.addInitScript(FAKE_MIDI_SCRIPT);
    await page.goto(studio.url + path);
    await page.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
    return page;
  }

  /** Generates a C major scale at difficulty 1 and 160 bpm from the form; answers the exercise's notes. */
  async function generateScale(page: Page): Promise<ExerciseNote[]> {
    await page.getByLabel('Exercise type').selectOption('scales');
    await page.getByLabel('Subtype').selectOption('major');
    await page.getByLabel('Difficulty').selectOption('1');
    await page.getByLabel('Key').selectOption('C');
    await page.getByLabel('Tempo (bpm)').fill('160');
    await page.getByRole('button', { name: 'New exercise' }).click();
    await page.waitForURL(/\/practice\?exercise=[A-Za-z0-9_-]+$/, { timeout: 60_000 });
    exerciseId = new URL(page.url()).searchParams.get('exercise') ?? '';
    const response = await fetch(`${studio.url}/exercises/${exerciseId}`);
    expect(response.status).toBe(200);
    const exercise = (await response.json()) as { midi_notes: ExerciseNote[]; title: string; tempo: number };
    expect(exercise.tempo).toBe(160);
    title = exercise.title;
    await page.getByRole('heading', { level: 2, name: exercise.title }).waitFor({ timeout: 30_000 });
    return exercise.midi_notes;
  }

  const scoreOf = (page: Page) => page.getByRole('img', { name: /^Score of .*, page 1 of \d+$/ });

  it('generates a scale, takes a MIDI keyboard attempt with one wrong note, and colours the score', async () => {
    const page = await openPractice(DESKTOP);
    const notes = await generateScale(page);
    expect(notes.length).toBeGreaterThanOrEqual(8);

    // The exercise: facts, tips, fingering for the right hand, the engraved notes, the player.
    const facts = (await page.locator('dl[aria-label="About this exercise"]').textContent()) ?? '';
    expect(facts).toContain('KeyC major');
    expect(facts).toContain('Tempo160 bpm');
    expect(await page.getByText('Practice tips').count()).toBe(1);
    const fingers = await page.getByRole('list', { name: 'Right hand fingering' }).locator('li').count();
    expect(fingers).toBeGreaterThan(0);
    const score = scoreOf(page);
    await score.locator('svg g.note').first().waitFor({ timeout: 60_000 });
    expect(await score.locator('svg g.note').count()).toBe(notes.length);
    await page.getByRole('group', { name: `Play ${title}` }).waitFor();
    expect(await page.getByRole('link', { name: 'MIDI', exact: true }).getAttribute('href')).toBe(
      `/exercises/${exerciseId}/score.mid`,
    );

    // The keyboard: connect, the fake input is listed and heard.
    await page.getByRole('button', { name: 'Connect a MIDI keyboard' }).click();
    const keyboard = page.getByLabel('MIDI input');
    await keyboard.waitFor();
    expect(await keyboard.locator('option').evaluateAll(texts)).toEqual(['Cadenza Test Keys']);
    await page.evaluate('window.__fakeMidi.send([0x90, 61, 80])');
    await page.getByText('Last key: C♯4').waitFor();
    await page.screenshot({ path: join(studio.shots, 'desktop-practice-exercise.png'), fullPage: true });

    // Start: a bar of count-in (1.5 s at 160 bpm), then play every note on time, one a semitone off.
    await page.getByRole('button', { name: '▶ Start' }).click();
    await page.getByText(/^Count-in: \d of 4$/).waitFor();
    await page.getByText(/^Play now/).waitFor({ timeout: 10_000 });
    const played = notes.map((note, index) =>
      index === WRONG_INDEX ? { ...note, midi: note.midi + 1 } : note,
    );
    await page
      .locator('.practice-take')
      .screenshot({ path: join(studio.shots, 'desktop-practice-playing.png') });
    await page.evaluate(`window.__fakeMidi.play(${JSON.stringify(played)})`);
    await page.getByText(`Play now · ${notes.length} keys heard`).waitFor();
    await page.getByRole('button', { name: '■ Stop and grade' }).click();
    await page.getByRole('heading', { level: 2, name: 'Your attempt' }).waitFor({ timeout: 30_000 });

    // The score coloured: all green but the wrong note, red; no amber.
    const green = score.locator('svg g.practice-note--correct');
    const red = score.locator('svg g.practice-note--wrong_pitch, svg g.practice-note--missed');
    const amber = score.locator('svg g.practice-note--early, svg g.practice-note--late');
    expect(await green.count()).toBe(notes.length - 1);
    expect(await red.count()).toBe(1);
    expect(await amber.count()).toBe(0);
    expect(await score.locator('svg g.practice-note--wrong_pitch title').textContent()).toMatch(
      /✗ wrong pitch: you played /,
    );

    // The totals and the list say the same in words.
    const counts = (await page.getByTestId('practice-counts').textContent()) ?? '';
    console.log(`[practice e2e] ${notes.length} notes: ${counts}`);
    expect(counts).toContain(`✓ ${notes.length - 1} correct`);
    expect(counts).toContain('✗ 1 wrong pitch');
    expect(counts).toContain('✗ 0 missed');
    const totals = (await page.locator('dl[aria-label="Totals"]').textContent()) ?? '';
    console.log(`[practice e2e] totals: ${totals}`);
    const pitch = Math.round(((notes.length - 1) / notes.length) * 100);
    expect(totals).toContain(`Pitch accuracy${pitch} %`);
    expect(totals).toMatch(/Tempo played1(5[89]|6[0-2]) bpm/);
    expect(await page.getByText(/^You played at 1(5[89]|6[0-2]) bpm; written 160 bpm/).count()).toBe(1);
    const rows = await page.getByTestId('practice-note-list').locator('tbody tr').count();
    expect(rows).toBe(notes.length);
    const wrongRow = page.getByTestId('practice-note-list').locator('tbody tr').nth(WRONG_INDEX);
    expect(await wrongRow.textContent()).toContain('Wrong pitch');
    expect(
      await page.getByRole('list', { name: 'Colours on the score' }).locator('li').evaluateAll(texts),
    ).toEqual(['✓ Correct', '✗ Wrong pitch', '✗ Missed', '± Early', '± Late']);
    await page.screenshot({ path: join(studio.shots, 'desktop-practice-result.png'), fullPage: true });
    await score.screenshot({ path: join(studio.shots, 'desktop-practice-coloured-score.png') });

    // Try again: the colours go, the keyboard is ready for another take.
    await page.getByRole('button', { name: '↻ Try again' }).click();
    await page.getByRole('button', { name: '▶ Start' }).waitFor();
    expect(await score.locator('svg g.practice-note--correct').count()).toBe(0);
    await page.close();
  });

  it('opens an exercise from its link, and says plainly when the browser has no Web MIDI', async () => {
    expect(exerciseId).not.toBe('');
    const page = await studio.browser.newPage({ viewport: DESKTOP });
    await page.addInitScript('delete Navigator.prototype.requestMIDIAccess');
    await page.goto(`${studio.url}/practice?exercise=${exerciseId}`);
    await scoreOf(page).locator('svg g.note').first().waitFor({ timeout: 60_000 });
    expect(await page.getByRole('heading', { level: 2, name: /C major scale/i }).count()).toBe(1);
    expect(await page.getByText('This browser has no Web MIDI').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Connect a MIDI keyboard' }).count()).toBe(0);

    // The exercise's own MIDI file sent as a take (multipart): every note correct.
    const mid = await fetch(`${studio.url}/exercises/${exerciseId}/score.mid`);
    expect(mid.status).toBe(200);
    const midPath = join(studio.tempDir, 'take.mid');
    await writeFile(midPath, new Uint8Array(await mid.arrayBuffer()));
    await page.getByRole('radio', { name: /^Microphone or file/ }).check();
    await page.getByLabel('Or send a file (a recording or a .mid)').setInputFiles(midPath);
    await page.getByRole('heading', { level: 2, name: 'Your attempt' }).waitFor({ timeout: 30_000 });
    const counts = (await page.getByTestId('practice-counts').textContent()) ?? '';
    console.log(`[practice e2e] the exercise's own .mid: ${counts}`);
    expect(counts).toMatch(/^✓ (\d+) correct · ✗ 0 wrong pitch · ✗ 0 missed/);
    expect(await page.locator('dl[aria-label="Totals"]').textContent()).toContain('Score100 / 100');

    // An id that was never made: the server's 404 in words.
    await page.goto(`${studio.url}/practice?exercise=${'A'.repeat(22)}`);
    const alert = page.getByRole('alert').filter({ hasText: 'Could not open this exercise.' });
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toContain('no exercise has this id');
    await page.close();
  });

  it('fits a phone: no sideways scrolling, the coloured score and the totals readable', async () => {
    const page = await openPractice(PHONE);
    await page.screenshot({ path: join(studio.shots, 'phone-practice-form.png'), fullPage: true });
    const notes = await generateScale(page);
    await scoreOf(page).locator('svg g.note').first().waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Connect a MIDI keyboard' }).click();
    await page.getByLabel('Count in one bar first').uncheck();
    await page.getByRole('button', { name: '▶ Start' }).click();
    await page.evaluate(`window.__fakeMidi.play(${JSON.stringify(notes)})`);
    await page.getByRole('button', { name: '■ Stop and grade' }).click();
    await page.getByRole('heading', { level: 2, name: 'Your attempt' }).waitFor({ timeout: 30_000 });
    // A phone shows the score a page at a time: every note on this page is green.
    const shown = await scoreOf(page).locator('svg g.note').count();
    expect(shown).toBeGreaterThan(0);
    expect(await scoreOf(page).locator('svg g.practice-note--correct').count()).toBe(shown);
    expect(await page.getByTestId('practice-counts').textContent()).toContain(`✓ ${notes.length} correct`);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
    await page.screenshot({ path: join(studio.shots, 'phone-practice-result.png'), fullPage: true });
    await page
      .locator('.practice-exercise')
      .screenshot({ path: join(studio.shots, 'phone-practice-exercise.png') });
    await page
      .locator('.practice-result')
      .screenshot({ path: join(studio.shots, 'phone-practice-totals.png') });
    await page.close();
  });
});
