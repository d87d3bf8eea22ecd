import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FAKE_MIDI_SCRIPT, type ExerciseNote } from './fake-midi.js';
import { chromiumInstalled, probe, useStudio } from './harness.js';

/**
 * The Learn page in a real browser against the real server: a student signs up, answers onboarding (a
 * refused field first), takes the placement test (theory and ear items answered, exercise items played on
 * a simulated MIDI keyboard), sees today's plan (items whose minutes fill the session), starts an exercise
 * item, plays it perfectly on the Practice page, and comes back to the item ticked off with one more
 * point on the skills chart. A teacher then sees the linked student's progress and assigns an exercise.
 * Screenshots (desktop and 375 px) go to apps/web/test-results/.
 */
const hasChromium = chromiumInstalled('learn');

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };
const PASSWORD = 'correct horse battery';
const SESSION_MINUTES = 30;

interface PlacementTest {
  readonly test_id: string;
  readonly items: readonly { item_id: string; kind: string; exercise_id?: string }[];
}
interface PlacementResult {
  readonly results: readonly { item_id: string; accuracy: number | null; correct_choice?: string }[];
  readonly profile: { readonly placed: boolean; readonly current_level: number };
  readonly changes: readonly { readonly reason: string }[];
}
interface Today {
  readonly has_plan: boolean;
  readonly session: {
    readonly minutes: number;
    readonly items: readonly {
      item_id: string;
      kind: string;
      minutes: number;
      done: boolean;
      title: string;
    }[];
  } | null;
}
interface Progress {
  readonly history: readonly unknown[];
  readonly changes: readonly { reason: string }[];
  readonly attempts: { readonly total: number };
}

const log = (message: string) => console.log(`[learn e2e] ${message}`);

describe.skipIf(!hasChromium)('learn page end to end', { timeout: 420_000 }, () => {
  let missing = '';
  const studentEmail = `learner-${Date.now()}@example.com`;
  /** The student's page, kept from onboarding through the plan. */
  let page: Page | undefined;
  /** Whether the student finished placement and the plan (the teacher's test needs them). */
  let placed = false;
  const studio = useStudio({
    name: 'learn',
    setupTimeout: 240_000,
    setUp: async ({ url }) => {
      for (const path of ['/students/me/placement/test', '/students/me/today']) {
        const method = path.endsWith('/test') ? 'POST' : 'GET';
        const found = await probe(url + path, { method });
        if (found.status === 404)
          missing = `${method} ${path} answered 404: the learning routes are not served yet`;
      }
    },
    tearDown: async () => {
      await page?.context().close();
    },
  });

  /** Nothing wider than the window: the page scrolls up and down only. */
  async function expectNoSidewaysScroll(page: Page) {
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
  }

  /** Connects the fake keyboard, Start, plays the exercise's notes on time (or the given ones), Stop. */
  async function playOnKeyboard(page: Page, exerciseId: string, scope = page.locator('main')) {
    const response = await page.request.get(`${studio.url}/exercises/${exerciseId}`);
    expect(response.status()).toBe(200);
    const exercise = (await response.json()) as { midi_notes: ExerciseNote[] };
    const connect = scope.getByRole('button', { name: 'Connect a MIDI keyboard' });
    if (await connect.count()) await connect.click();
    await scope.getByLabel('MIDI input').waitFor();
    await scope.getByRole('button', { name: '▶ Start' }).click();
    await scope.getByText(/^Play now/).waitFor({ timeout: 15_000 });
    await page.evaluate(`window.__fakeMidi.play(${JSON.stringify(exercise.midi_notes)})`);
    await scope.getByText(`Play now · ${exercise.midi_notes.length} keys heard`).waitFor();
    await scope.getByRole('button', { name: '■ Stop and grade' }).click();
    return exercise.midi_notes.length;
  }

  const progressOf = async (page: Page) =>
    (await (await page.request.get(`${studio.url}/students/me/progress`)).json()) as Progress;
  /** The plan's `day` (0–6 in its week) of the linked student's session on a date, as the teacher reads it. */
  async function sessionDay(teacher: Page, date: string): Promise<number> {
    const list = (await (await teacher.request.get(`${studio.url}/teachers/me/students`)).json()) as {
      students: { id: string }[];
    };
    const id = list.students[0]?.id ?? '';
    const plan = (await (
      await teacher.request.get(`${studio.url}/teachers/me/students/${id}/curriculum`)
    ).json()) as { weeks: { sessions: { day: number; date: string }[] }[] };
    const session = plan.weeks.flatMap((week) => week.sessions).find((s) => s.date === date);
    if (!session) throw new Error(`no session on ${date}`);
    return session.day;
  }
  const chartPoints = (page: Page) =>
    page.locator('.learn-chart__line[data-skill="pitch_accuracy"] circle').count();

  it('says what Learn is when signed out, with links to log in and sign up', async () => {
    const context = await studio.browser.newContext({ viewport: DESKTOP });
    const page = await studio.newPageIn(context);
    await page.goto(`${studio.url}/learn`);
    await page.getByRole('heading', { level: 1, name: 'Learn' }).waitFor();
    await page.getByText(/Learn builds you a practice plan/).waitFor();
    expect(await page.getByRole('main').getByRole('link', { name: 'Log in' }).getAttribute('href')).toBe(
      '/login',
    );
    expect(await page.getByRole('main').getByRole('link', { name: 'sign up' }).getAttribute('href')).toBe(
      '/signup',
    );
    await context.close();
  });

  it('signs up a student and answers onboarding, a refused field shown under it', async () => {
    const context = await studio.browser.newContext({ viewport: DESKTOP });
    await context.addInitScript(FAKE_MIDI_SCRIPT);
    page = await studio.newPageIn(context);

    // Sign up as a student, then open Learn from the navigation.
    await page.goto(`${studio.url}/signup`);
    await page.getByLabel('Display name').fill('Lena Learner');
    await page.getByLabel('Email').fill(studentEmail);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/library');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learn' }).click();
    await page.getByRole('heading', { level: 2, name: 'Tell us about you' }).waitFor();

    // Onboarding: the level in words; 5 minutes is refused by the server, under that field.
    const level = page.getByLabel('Your level');
    const levels = await level.locator('option').allTextContents();
    expect(levels[0]).toBe('1 · never played');
    expect(levels[2]).toBe('3 · beginner');
    expect(levels[9]).toBe('10 · advanced');
    await level.selectOption('3');
    await page.getByLabel('How often you practise').selectOption('daily');
    const minutes = page.getByLabel('Minutes per session');
    await minutes.fill('5');
    await page.getByRole('checkbox', { name: 'Jazz' }).check();
    await page.getByRole('checkbox', { name: 'Folk' }).check();
    await page.getByRole('radio', { name: /^Hearing it/ }).check();
    await page.getByLabel('Goals for the next weeks').fill('Play a blues in C\nRead the treble clef');
    await page.getByRole('button', { name: 'Save and take the placement test' }).click();
    const minutesError = page.locator('.form-field__error', { hasText: /at least 10 minutes/ });
    await minutesError.waitFor();
    expect(await minutes.getAttribute('aria-invalid')).toBe('true');
    expect(await minutes.getAttribute('aria-describedby')).toContain(
      (await minutesError.getAttribute('id')) ?? 'missing',
    );
    expect(await minutesError.textContent()).toBe('Minutes per session must be at least 10 minutes');
    expect(await page.getByRole('alert').textContent()).toBe(
      'Could not save your answers. Check the marked field.',
    );
    await page.screenshot({ path: join(studio.shots, 'desktop-learn-onboarding.png'), fullPage: true });
    await minutes.fill(String(SESSION_MINUTES));
    await page.getByRole('button', { name: 'Save and take the placement test' }).click();
    await page.getByRole('heading', { level: 2, name: 'Placement test' }).waitFor();
    // The new step's heading has focus, as after a page load.
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Placement test');
    await page.setViewportSize(PHONE);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: join(studio.shots, 'phone-learn-placement-intro.png'), fullPage: true });
    await page.setViewportSize(DESKTOP);
  });

  it('takes the placement test, sees today, plays an exercise item and finds the plan updated', async (ctx) => {
    if (missing || !page) {
      log(`skipped: ${missing || 'onboarding did not finish'}`);
      ctx.skip();
      return;
    }
    // Placement: the test's items one at a time, "n of N".
    const [testResponse] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/students/me/placement/test') && r.request().method() === 'POST',
      ),
      page.getByRole('button', { name: 'Start the placement test' }).click(),
    ]);
    expect(testResponse.status()).toBe(200);
    const test = (await testResponse.json()) as PlacementTest;
    log(`placement: ${test.items.map((item) => item.kind).join(', ')}`);
    expect(test.items.length).toBeGreaterThanOrEqual(3);
    let played = 0;
    let skipped = 0;
    let earShot = false;
    const placementPost = page.waitForResponse(
      (r) => r.url().endsWith('/students/me/placement') && r.request().method() === 'POST',
      { timeout: 120_000 },
    );
    for (const [index, item] of test.items.entries()) {
      await page.getByText(`Item ${index + 1} of ${test.items.length}`).waitFor({ timeout: 30_000 });
      const section = page.locator('.learn-placement');
      if (item.kind === 'exercise' && item.exercise_id) {
        await section
          .getByRole('img', { name: /^Score of / })
          .locator('svg g.note')
          .first()
          .waitFor({
            timeout: 60_000,
          });
        if (played === 0) {
          await page.screenshot({
            path: join(studio.shots, 'desktop-learn-placement-exercise.png'),
            fullPage: true,
          });
          await playOnKeyboard(page, item.exercise_id, section);
          played += 1;
        } else {
          await section.getByRole('button', { name: 'Skip (no keyboard here)' }).click();
          skipped += 1;
        }
      } else {
        const choices = section.getByRole('list', { name: 'Answer choices' }).getByRole('button');
        await choices.first().waitFor();
        if (item.kind === 'ear_training') {
          expect(await section.getByRole('group', { name: 'Question audio' }).count()).toBe(1);
          if (!earShot) {
            earShot = true;
            await page.screenshot({
              path: join(studio.shots, 'desktop-learn-placement-question.png'),
              fullPage: true,
            });
          }
        }
        await choices.first().click();
      }
    }
    const placement = (await (await placementPost).json()) as PlacementResult;
    log(
      `placement results: ${placement.results.map((r) => `${r.item_id}=${r.accuracy ?? 'skipped'}`).join(', ')}`,
    );
    expect(placement.profile.placed).toBe(true);
    expect(placement.results.filter((r) => r.accuracy === null)).toHaveLength(skipped);

    // The result in words: six skills before → after, the level.
    await page.getByRole('heading', { level: 2, name: 'Your starting point' }).waitFor();
    const moves = await page
      .getByRole('list', { name: 'Skills before and after the test' })
      .locator('li')
      .allTextContents();
    expect(moves).toHaveLength(6);
    for (const move of moves) expect(move).toMatch(/^[A-Z][\w -]+ \d+ % → \d+ % \(level /);
    expect(await page.locator('.learn-placement .learn-level').textContent()).toContain(
      `Level ${placement.profile.current_level} · `,
    );
    if (placement.changes.length > 0) {
      expect(
        await page.getByRole('list', { name: 'What the test showed' }).locator('li').allTextContents(),
      ).toEqual(placement.changes.map((change) => change.reason));
    }
    await page.screenshot({ path: join(studio.shots, 'desktop-learn-placement-result.png'), fullPage: true });
    // Continuing makes the first 4-week plan (there is none yet), so the student lands on today's session.
    const [planned] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().includes('/students/me/curriculum?weeks=4') && r.request().method() === 'POST',
      ),
      page.getByRole('button', { name: 'See today’s plan' }).click(),
    ]);
    expect(planned.status()).toBe(200);

    // Today: the plan just made, with a session today (daily practice); re-planning stays one click away.
    await page.getByRole('heading', { level: 2, name: /^Today · / }).waitFor();
    await page.getByRole('list', { name: 'Today’s items' }).waitFor();
    await page.getByRole('button', { name: 'Make a new plan' }).waitFor();
    expect(await page.getByRole('button', { name: 'Make my plan' }).count()).toBe(0);
    const today = (await (await page.request.get(`${studio.url}/students/me/today`)).json()) as Today;
    expect(today.has_plan).toBe(true);
    const session = today.session;
    if (!session) throw new Error('no session today for a daily student');
    const total = session.items.reduce((sum, item) => sum + item.minutes, 0);
    log(`today: ${session.items.length} items, ${total} of ${session.minutes} min`);
    expect(Math.abs(total - SESSION_MINUTES)).toBeLessThanOrEqual(SESSION_MINUTES * 0.1);
    const rows = page.getByRole('list', { name: 'Today’s items' }).locator('> li');
    expect(await rows.count()).toBe(session.items.length);
    expect(await page.getByTestId('learn-session-summary').textContent()).toContain(
      `${session.items.length} items · ${total} min of your ${session.minutes} min session`,
    );
    const exerciseItem = session.items.find((item) => item.kind === 'exercise' && !item.done);
    if (!exerciseItem) throw new Error('today has no exercise item');
    const before = await progressOf(page);
    await page.locator('.learn-chart__line').first().waitFor();
    expect(await chartPoints(page)).toBe(before.history.length);
    await page.screenshot({ path: join(studio.shots, 'desktop-learn-today.png'), fullPage: true });

    // Start the exercise item: the Practice page with the plan item; played perfectly.
    const row = page.locator(`li[data-item-id="${exerciseItem.item_id}"]`);
    expect(await row.getByRole('checkbox').isChecked()).toBe(false);
    await row.getByRole('button', { name: `Start ${exerciseItem.title}` }).click();
    await page.waitForURL(/\/practice\?exercise=[\w-]+&plan_item=/, { timeout: 60_000 });
    const url = new URL(page.url());
    expect(url.searchParams.get('plan_item')).toBe(exerciseItem.item_id);
    const exerciseId = url.searchParams.get('exercise') ?? '';
    await page
      .getByRole('img', { name: /^Score of / })
      .locator('svg g.note')
      .first()
      .waitFor({ timeout: 60_000 });
    // Opened on one exercise, the generator's form is folded away behind "Choose another exercise".
    expect(await page.locator('form.practice-form').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Choose another exercise' }).count()).toBe(1);
    const [attemptResponse, count] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/practice/attempts'), { timeout: 120_000 }),
      playOnKeyboard(page, exerciseId),
    ]);
    expect(attemptResponse.request().postDataJSON()).toMatchObject({ plan_item_id: exerciseItem.item_id });
    await page.getByRole('heading', { level: 2, name: 'Your attempt' }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('practice-counts').textContent()).toContain(`✓ ${count} correct`);
    expect(await page.getByText(/^From today’s plan: a graded attempt ticks it off/).count()).toBe(1);
    await page.screenshot({ path: join(studio.shots, 'desktop-learn-practice-graded.png'), fullPage: true });
    await page.getByRole('link', { name: '← Back to today’s plan' }).click();

    // Back on Learn: the item is ticked off, the history has one more point, and so has the chart.
    await page.getByRole('heading', { level: 2, name: /^Today · / }).waitFor();
    const ticked = page.locator(`li[data-item-id="${exerciseItem.item_id}"]`);
    await ticked.and(page.locator('.is-done')).waitFor({ timeout: 15_000 });
    expect(await ticked.getByRole('checkbox').isChecked()).toBe(true);
    const after = await progressOf(page);
    expect(after.history.length).toBe(before.history.length + 1);
    expect(after.attempts.total).toBe(before.attempts.total + 1);
    await page.waitForFunction(
      `document.querySelectorAll('.learn-chart__line[data-skill="pitch_accuracy"] circle').length === ${after.history.length}`,
    );
    expect(await page.getByText(/^Current streak/).count()).toBe(1);
    expect(await page.locator('.learn-streak').textContent()).toContain('practised ✓');
    log(
      `reasons: ${(await page.getByRole('list', { name: 'Reasons, latest first' }).allTextContents()).join(' | ')}`,
    );
    await page.screenshot({ path: join(studio.shots, 'desktop-learn-today-after.png'), fullPage: true });

    // Ticking an item off by hand: it stays ticked (clicking it again changes nothing).
    const other = session.items.find((item) => item.item_id !== exerciseItem.item_id && !item.done);
    if (other) {
      const box = page.locator(`li[data-item-id="${other.item_id}"]`).getByRole('checkbox');
      await box.check();
      await page.locator(`li[data-item-id="${other.item_id}"].is-done`).waitFor();
      expect(await box.getAttribute('aria-disabled')).toBe('true');
      await box.focus();
      await page.keyboard.press('Space');
      expect(await box.isChecked()).toBe(true);
    }

    // A theory item opens its questions in place: answered, with the explanation.
    const theoryItem = session.items.find((item) => item.kind === 'theory');
    if (theoryItem) {
      const theoryRow = page.locator(`li[data-item-id="${theoryItem.item_id}"]`);
      await theoryRow.getByRole('button', { name: `Start ${theoryItem.title}` }).click();
      const choices = theoryRow.getByRole('list', { name: 'Answer choices' }).getByRole('button');
      await choices.first().waitFor({ timeout: 15_000 });
      expect(await theoryRow.getByText(/^Question 1 of \d+/).count()).toBe(1);
      await choices.first().click();
      const verdict = theoryRow.getByRole('status').filter({ hasText: /^(Right!|Not quite\.)/ });
      await verdict.waitFor();
      expect(((await verdict.textContent()) ?? '').length).toBeGreaterThan(20);
      expect(await theoryRow.locator('.ear-choice.is-right').count()).toBe(1);
      await page.screenshot({ path: join(studio.shots, 'desktop-learn-theory-item.png'), fullPage: true });
    }

    // An ear-training item opens the Ear training page at its kind and difficulty.
    const earItem = session.items.find((item) => item.kind === 'ear_training');
    if (earItem) {
      const ear = (await (await page.request.get(`${studio.url}/students/me/today`)).json()) as {
        session: { items: { item_id: string; ear_training?: { type: string; difficulty: number } }[] };
      };
      const set = ear.session.items.find((item) => item.item_id === earItem.item_id)?.ear_training;
      if (!set) throw new Error('an ear-training item without its set');
      await page
        .locator(`li[data-item-id="${earItem.item_id}"]`)
        .getByRole('link', { name: `Start ${earItem.title}` })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Ear training' }).waitFor();
      const address = new URL(page.url());
      expect(address.searchParams.get('type')).toBe(set.type);
      expect(address.searchParams.get('difficulty')).toBe(String(set.difficulty));
      expect(await page.getByLabel('Difficulty').inputValue()).toBe(String(set.difficulty));
      expect(await page.locator(`input[type="radio"][value="${set.type}"]`).isChecked()).toBe(true);
      await page.getByRole('link', { name: 'today’s plan' }).click();
      await page.getByRole('heading', { level: 2, name: /^Today · / }).waitFor();
    }

    // On a phone: the same page fits, nothing scrolls sideways.
    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: /^Today · / }).waitFor();
    await page.locator('.learn-chart__line').first().waitFor();
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: join(studio.shots, 'phone-learn-today.png'), fullPage: true });
    await page.setViewportSize(DESKTOP);

    // Edit preferences: the saved answers filled in (no level: the placement set it); Cancel goes back.
    await page.getByRole('button', { name: 'Edit preferences' }).click();
    await page.getByRole('heading', { level: 2, name: 'Your preferences' }).waitFor();
    expect(await page.getByLabel('Minutes per session').inputValue()).toBe(String(SESSION_MINUTES));
    expect(await page.getByRole('checkbox', { name: 'Jazz' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Your level').count()).toBe(0);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('heading', { level: 2, name: /^Today · / }).waitFor();
    placed = true;
  });

  it('shows a teacher the linked student’s progress and plan, and assigns an exercise', async (ctx) => {
    if (!placed || !page) {
      log('skipped: the student was not placed');
      ctx.skip();
      return;
    }
    const context = await studio.browser.newContext({ viewport: DESKTOP });
    const teacher = await studio.newPageIn(context);
    await teacher.goto(`${studio.url}/signup`);
    await teacher.getByLabel('Display name').fill('Tess Teacher');
    await teacher.getByLabel('Email').fill(`teacher-${Date.now()}@example.com`);
    await teacher.getByLabel('Password').fill(PASSWORD);
    await teacher.getByRole('radio', { name: 'Teacher' }).check();
    await teacher.getByRole('button', { name: 'Create account' }).click();
    await teacher.waitForURL('**/library');
    await teacher.goto(`${studio.url}/learn`);
    await teacher.getByRole('heading', { level: 2, name: 'Your students' }).waitFor();

    // Invite the student from the page; the student answers on their Learn page, in plain words.
    await teacher.getByLabel('Invite a student by email').fill(studentEmail);
    await teacher.getByRole('button', { name: 'Invite' }).click();
    await teacher.getByText('(invited, not accepted yet)').waitFor();
    await page.goto(`${studio.url}/learn`);
    const teachers = page.getByRole('region', { name: 'Your teachers' });
    await teachers.waitFor();
    expect(await teachers.locator('li').first().textContent()).toMatch(
      /^Tess Teacher \(teacher-\d+@example\.com\) invited you: they will see your progress and plan, and can assign you exercises/,
    );
    await page.screenshot({ path: join(studio.shots, 'desktop-learn-invitation.png'), fullPage: true });
    await page.setViewportSize(PHONE);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: join(studio.shots, 'phone-learn-invitation.png') });
    await page.setViewportSize(DESKTOP);
    const [accepted] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/accept')),
      teachers.getByRole('button', { name: 'Accept' }).click(),
    ]);
    expect(accepted.status()).toBe(204);
    await teachers
      .getByText(/^Tess Teacher \(.+\) is your teacher: they see your progress and plan\.$/)
      .waitFor();
    expect(await teachers.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    expect(await teachers.getByRole('button', { name: 'End Tess Teacher' }).count()).toBe(1);
    await teacher.reload();
    await teacher.getByRole('button', { name: 'Lena Learner' }).click();

    // The student's progress (the same chart, as many points as their history) and plan.
    await teacher.getByRole('heading', { level: 2, name: 'Lena Learner' }).waitFor();
    const progress = await progressOf(page);
    await teacher.locator('.learn-chart__line').first().waitFor();
    expect(await chartPoints(teacher)).toBe(progress.history.length);
    expect(await teacher.getByRole('img', { name: /^Lena Learner’s skills over time/ }).count()).toBe(1);
    await teacher.getByText(/^Week 1 · from /).waitFor();

    // Edit the plan: remove one of today's items, move another to the next session day, save.
    const todayBefore = (await (
      await page.request.get(`${studio.url}/students/me/today`)
    ).json()) as Today & {
      date: string;
      week_ahead: readonly { date: string; items: readonly { item_id: string }[] }[];
    };
    const todayItems = todayBefore.session?.items ?? [];
    const nextDay = todayBefore.week_ahead[0];
    expect(todayItems.length).toBeGreaterThanOrEqual(2);
    if (!nextDay) throw new Error('a daily student has no next session this week');
    const [removed, moved] = todayItems.slice(-2);
    if (!removed || !moved) throw new Error('today has fewer than two items');
    const editor = teacher.getByRole('form', { name: 'Lena Learner’s plan' });
    await editor.getByText(/^Week 1 · from /).click();
    const saveButton = editor.getByRole('button', { name: 'Save plan' });
    expect(await saveButton.isDisabled()).toBe(true);
    await editor
      .locator(`li[data-item-id="${removed.item_id}"]`)
      .getByRole('button', { name: 'Remove' })
      .click();
    expect(await editor.locator(`li[data-item-id="${removed.item_id}"]`).count()).toBe(0);
    await editor
      .locator(`li[data-item-id="${moved.item_id}"]`)
      .getByRole('combobox')
      .selectOption(String(await sessionDay(teacher, nextDay.date)));
    await teacher.screenshot({
      path: join(studio.shots, 'desktop-learn-teacher-plan-edit.png'),
      fullPage: true,
    });
    const [saved] = await Promise.all([
      teacher.waitForResponse((r) => r.url().endsWith('/curriculum') && r.request().method() === 'PUT'),
      saveButton.click(),
    ]);
    expect(saved.status()).toBe(200);
    await teacher.getByText('Saved: Lena Learner’s plan now says you edited it.').waitFor();

    // The student's today: the removed and moved items are gone, the moved one is on the next day.
    await page.goto(`${studio.url}/learn`);
    await page.getByTestId('learn-edited-by').filter({ hasText: 'Plan edited by Tess Teacher.' }).waitFor();
    await page.getByRole('list', { name: 'Today’s items' }).waitFor();
    expect(await page.locator(`li[data-item-id="${removed.item_id}"]`).count()).toBe(0);
    expect(await page.locator(`li[data-item-id="${moved.item_id}"]`).count()).toBe(0);
    expect(await page.getByRole('list', { name: 'Today’s items' }).locator('> li').count()).toBe(
      todayItems.length - 2,
    );
    await page.screenshot({ path: join(studio.shots, 'desktop-learn-today-edited.png'), fullPage: true });
    await page.goto(`${studio.url}/learn?date=${nextDay.date}`);
    await page.locator(`li[data-item-id="${moved.item_id}"]`).waitFor();
    expect(await page.locator(`li[data-item-id="${removed.item_id}"]`).count()).toBe(0);

    // Assign an arpeggio exercise for the next session: it shows in the student's plan as from the teacher.
    await teacher.getByLabel('Exercise type').selectOption('arpeggios');
    await teacher.getByLabel('Difficulty (1–10)').selectOption('2');
    await teacher.getByLabel('Minutes', { exact: true }).fill('12');
    const [assigned] = await Promise.all([
      teacher.waitForResponse((r) => r.url().endsWith('/assignments')),
      teacher.getByRole('button', { name: 'Assign' }).click(),
    ]);
    expect(assigned.status()).toBe(201);
    const made = (await assigned.json()) as { item_id: string; date: string; title: string };
    await teacher.getByText(/^Assigned “/).waitFor();
    await teacher.screenshot({ path: join(studio.shots, 'desktop-learn-teacher.png'), fullPage: true });
    await teacher.setViewportSize(PHONE);
    await teacher
      .getByRole('form', { name: 'Lena Learner’s plan' })
      .getByText(/^Week 1 · from /)
      .click();
    await expectNoSidewaysScroll(teacher);
    await teacher.screenshot({ path: join(studio.shots, 'phone-learn-teacher.png'), fullPage: true });

    await page.goto(`${studio.url}/learn?date=${made.date}`);
    const row = page.locator(`li[data-item-id="${made.item_id}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('from your teacher');
    await context.close();
  });
});
