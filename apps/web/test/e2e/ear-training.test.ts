import { join } from 'node:path';
import type { EarTrainingAnswerResponse, EarTrainingQuestionResponse } from '@cadenza/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { NOTE_LENGTHS, readPitch } from '../../src/pages/ear-training/note-entry.js';
import { chromiumInstalled, useStudio } from './harness.js';

/**
 * The Ear training page in a real browser against the real server: an interval question answered right
 * with the keyboard (the streak goes to 1), one answered wrong with the mouse (the explanation, the right
 * choice green and the wrong one red, the streak back to 0, the best kept), Space replaying, the score
 * kept over a reload, a melodic dictation written with the note buttons and graded note by note, and a
 * rhythm dictation on a phone. The test learns each right answer the way any client can: it answers the
 * same question itself first (POST /ear-training/answers says the right answer and records nothing).
 * Screenshots go to apps/web/test-results/.
 */
const hasChromium = chromiumInstalled('ear-training');

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };
/** Elements as the page hands them over (typed by hand: the tests compile without DOM types). */
interface Element {
  readonly textContent: string | null;
  readonly className: string;
}
const texts = (elements: readonly Element[]) => elements.map((e) => (e.textContent ?? '').trim());
const classes = (elements: readonly Element[]) => elements.map((e) => e.className);

describe.skipIf(!hasChromium)('ear-training page end to end', { timeout: 180_000 }, () => {
  const studio = useStudio({ name: 'ear-training', setupTimeout: 180_000 });

  async function openEarTraining(viewport: { width: number; height: number }): Promise<Page> {
    const page = await studio.newPage(viewport);
    await page.goto(`${studio.url}/ear-training`);
    await page.getByRole('heading', { level: 1, name: 'Ear training' }).waitFor();
    return page;
  }

  /** Clicks (or runs) `start` and returns the question the page was given. */
  async function nextQuestion(page: Page, start: () => Promise<void>): Promise<EarTrainingQuestionResponse> {
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/ear-training/questions') && r.request().method() === 'POST',
      ),
      start(),
    ]);
    expect(response.status()).toBe(200);
    const question = (await response.json()) as EarTrainingQuestionResponse;
    await page.getByText(question.prompt, { exact: true }).waitFor();
    return question;
  }

  /** Answers the question outside the page to learn the right answer (the server records nothing). */
  async function answerKey(questionId: string, answer: unknown): Promise<EarTrainingAnswerResponse> {
    const response = await fetch(`${studio.url}/ear-training/answers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question_id: questionId, answer }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as EarTrainingAnswerResponse;
  }

  const streak = (page: Page) => page.getByTestId('ear-streak').textContent();
  const best = (page: Page) => page.getByTestId('ear-best').textContent();
  const scoreText = (page: Page) =>
    page.getByRole('group', { name: 'Your score' }).locator('dd').first().textContent();
  const choiceButtons = (page: Page) =>
    page.getByRole('list', { name: 'Answer choices' }).getByRole('button');
  const feedbackHeading = (page: Page) => page.locator('#ear-feedback-heading');
  const audioPlaying =
    "(() => { const a = document.querySelector('.ear-audio audio'); return !!a && !a.paused && a.currentTime > 0; })()";

  it('keeps the quiz loop: right with the keyboard, wrong with the mouse, streaks, explanations, replay', async () => {
    const page = await openEarTraining(DESKTOP);
    expect(await page.title()).toBe('Ear training · Cadenza');
    expect(await streak(page)).toBe('0');
    await page.getByLabel('Difficulty', { exact: true }).selectOption('3');

    // A question: its prompt, the choices as numbered buttons, and its audio playing by itself.
    const first = await nextQuestion(page, () => page.getByRole('button', { name: 'New question' }).click());
    expect(first.type).toBe('interval_recognition');
    expect(first.difficulty).toBe(3);
    expect(await choiceButtons(page).count()).toBe(first.choices.length);
    expect(await choiceButtons(page).evaluateAll(texts)).toEqual(
      first.choices.map((c, i) => `${i + 1}${c.label}`),
    );
    expect(await page.locator('.ear-audio audio').getAttribute('src')).toBe(first.audio_urls.wav);
    await page.waitForFunction(audioPlaying, undefined, { timeout: 30_000 });
    await page.screenshot({ path: join(studio.shots, 'desktop-ear-training-question.png'), fullPage: true });

    // Right, by its number key: "Right!", the streak 1, the score 1 / 1.
    const other = first.choices.find((c) => c.id !== first.choices[0]!.id)!;
    const key1 = await answerKey(first.question_id, other.id);
    const right = first.choices.findIndex((c) => c.id === key1.correct_choice);
    expect(right).toBeGreaterThanOrEqual(0);
    await page.keyboard.press(String(right + 1));
    await feedbackHeading(page).waitFor();
    expect(await feedbackHeading(page).textContent()).toBe(`Right! The answer: ${key1.correct_answer}`);
    expect(await page.locator('.ear-explanation').textContent()).toBe(
      (await answerKey(first.question_id, key1.correct_choice)).explanation,
    );
    expect(await streak(page)).toBe('1');
    expect(await best(page)).toBe('1');
    expect(await scoreText(page)).toBe('1 / 1');
    expect(await choiceButtons(page).nth(right).getAttribute('class')).toContain('is-right');
    expect(await page.locator('.ear-choice.is-wrong').count()).toBe(0);
    await page.screenshot({ path: join(studio.shots, 'desktop-ear-training-right.png'), fullPage: true });

    // Enter goes on (focus sits on "Next question", moved there once the verdict is drawn); this time a
    // wrong choice with the mouse.
    await page.waitForFunction("(document.activeElement?.textContent ?? '').includes('Next question')");
    const second = await nextQuestion(page, () => page.keyboard.press('Enter'));
    expect(second.question_id).not.toBe(first.question_id);
    await page.getByRole('heading', { name: /^Question 2 · difficulty 3$/ }).waitFor();
    expect(await page.locator('.ear-feedback').count()).toBe(0);
    const key2 = await answerKey(second.question_id, second.choices[0]!.id);
    const wrong = second.choices.findIndex((c) => c.id !== key2.correct_choice);
    await choiceButtons(page).nth(wrong).click();
    await feedbackHeading(page).waitFor();
    expect(await feedbackHeading(page).textContent()).toBe(`Not quite. The answer: ${key2.correct_answer}`);
    const explanation = (await page.locator('.ear-explanation').textContent()) ?? '';
    expect(explanation).toMatch(/^You chose /);
    expect(explanation).toContain(key2.correct_answer);
    expect(await streak(page)).toBe('0');
    expect(await best(page)).toBe('1');
    expect(await scoreText(page)).toBe('1 / 2');
    const rightIndex = second.choices.findIndex((c) => c.id === key2.correct_choice);
    const marks = await choiceButtons(page).evaluateAll(classes);
    expect(marks[wrong]).toContain('is-wrong');
    expect(marks[rightIndex]).toContain('is-right');
    expect(marks.filter((c) => c.includes('is-'))).toHaveLength(2);
    await page.screenshot({ path: join(studio.shots, 'desktop-ear-training-wrong.png'), fullPage: true });

    // Space plays the question again from the start.
    await page.evaluate(
      "(() => { const a = document.querySelector('.ear-audio audio'); a.pause(); a.currentTime = 0; })()",
    );
    let asked = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/ear-training/questions')) asked++;
    });
    await page.keyboard.press(' ');
    await page.waitForFunction(audioPlaying, undefined, { timeout: 15_000 });
    // Space with focus on "Next question" replayed; it did not press that button.
    await page.waitForTimeout(300);
    expect(asked).toBe(0);
    expect(await page.getByRole('heading', { name: /^Question 2 · / }).count()).toBe(1);

    // A reload keeps the session's score.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Ear training' }).waitFor();
    expect(await scoreText(page)).toBe('1 / 2');
    expect(await best(page)).toBe('1');
    await page.close();
  });

  it('grades a melodic dictation written with the note buttons, note by note', async () => {
    const page = await openEarTraining(DESKTOP);
    await page.getByRole('radio', { name: /^Melodic dictation/ }).check();
    await page.getByLabel('Difficulty', { exact: true }).selectOption('2');
    const question = await nextQuestion(page, () =>
      page.getByRole('button', { name: 'New question' }).click(),
    );
    expect(question.type).toBe('melodic_dictation');
    expect(await choiceButtons(page).count()).toBe(0);
    const given = await page.getByRole('list', { name: 'Given' }).getByRole('listitem').evaluateAll(texts);
    expect(given).toEqual(question.given);
    const key = await answerKey(question.question_id, [{ pitch: 'C4', duration: '1' }]);
    const notes = key.correct_notes!;
    expect(notes.length).toBeGreaterThan(2);

    // Write the melody down, the second note an octave too high on purpose.
    for (const [index, note] of notes.entries()) {
      const pitch = readPitch(note.pitch ?? '');
      if (!pitch) throw new Error(`cannot write ${note.pitch}`);
      const octave = index === 1 ? pitch.octave + 1 : pitch.octave;
      const accidental = pitch.accidental === '#' ? 'sharp' : pitch.accidental === 'b' ? 'flat' : 'natural';
      await page
        .getByRole('group', { name: 'Note name' })
        .getByRole('button', { name: pitch.letter, exact: true })
        .click();
      await page.getByRole('group', { name: 'Accidental' }).getByRole('button', { name: accidental }).click();
      await page
        .getByRole('group', { name: 'Octave' })
        .getByRole('button', { name: `octave ${octave}` })
        .click();
      const length = NOTE_LENGTHS.find((l) => l.duration === note.duration);
      if (!length) throw new Error(`no button for a ${note.duration} note`);
      await page
        .getByRole('group', { name: 'Add a note' })
        .getByRole('button', { name: length.label, exact: true })
        .click();
    }
    const written = page.getByRole('list', { name: 'Your answer' }).getByRole('listitem');
    expect(await written.count()).toBe(notes.length);
    await page.screenshot({
      path: join(studio.shots, 'desktop-ear-training-dictation-written.png'),
      fullPage: true,
    });
    await page.getByRole('button', { name: 'Check answer' }).click();
    await feedbackHeading(page).waitFor();
    expect(await feedbackHeading(page).textContent()).toMatch(/^Not quite\./);
    const graded = page.locator('.ear-grading .ear-note');
    expect(await graded.count()).toBe(notes.length);
    const marks = await graded.evaluateAll(classes);
    expect(marks.map((c) => c.includes('is-right'))).toEqual(notes.map((_, i) => i !== 1));
    expect(marks[1]).toContain('is-wrong');
    expect(await graded.nth(1).textContent()).toContain('you wrote');
    expect(await page.locator('.ear-explanation').textContent()).toContain('Note 2');
    expect(await page.locator('#ear-grading-heading').textContent()).toContain(
      `${notes.length - 1} of ${notes.length} right`,
    );
    expect(await streak(page)).toBe('0');
    await page.screenshot({
      path: join(studio.shots, 'desktop-ear-training-dictation-graded.png'),
      fullPage: true,
    });
    await page.close();
  });

  it('fits a phone: a rhythm dictation written and answered right, no sideways scrolling', async () => {
    const page = await openEarTraining(PHONE);
    await page.getByRole('radio', { name: /^Rhythm dictation/ }).check();
    await page.getByLabel('Difficulty', { exact: true }).selectOption('4');
    const question = await nextQuestion(page, () =>
      page.getByRole('button', { name: 'New question' }).click(),
    );
    expect(question.type).toBe('rhythm_dictation');
    const key = await answerKey(question.question_id, [{ duration: '1' }]);
    const rest = page.getByLabel(/^Rest/);
    for (const note of key.correct_notes!) {
      if (note.rest !== (await rest.isChecked())) await rest.setChecked(note.rest);
      const length = NOTE_LENGTHS.find((l) => l.duration === note.duration);
      if (!length) throw new Error(`no button for a ${note.duration} value`);
      await page
        .getByRole('group', { name: 'Add a note' })
        .getByRole('button', { name: length.label, exact: true })
        .click();
    }
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
    await page.screenshot({ path: join(studio.shots, 'phone-ear-training-rhythm.png'), fullPage: true });
    await page.getByRole('button', { name: 'Check answer' }).click();
    await feedbackHeading(page).waitFor();
    expect(await feedbackHeading(page).textContent()).toMatch(/^Right!/);
    expect(await page.locator('.ear-grading .ear-note.is-wrong').count()).toBe(0);
    expect(await streak(page)).toBe('1');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
    await page.screenshot({
      path: join(studio.shots, 'phone-ear-training-rhythm-graded.png'),
      fullPage: true,
    });

    // An interval question on the phone: the choices two to a row.
    await page.getByRole('radio', { name: /^Intervals/ }).check();
    await page.getByLabel('Difficulty', { exact: true }).selectOption('6');
    await nextQuestion(page, () => page.getByRole('button', { name: 'New question' }).click());
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
    await page.screenshot({ path: join(studio.shots, 'phone-ear-training-intervals.png'), fullPage: true });
    await page.close();
  });
});
