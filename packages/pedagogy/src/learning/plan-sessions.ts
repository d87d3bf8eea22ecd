import { SKILLS, type PracticeFrequency, type ReviewCard, type Skill } from './learning-types.js';

/** The days (0–6 from the week's start) each frequency practises on; weekend assumes weeks start on Monday. */
export const SESSION_DAYS: { readonly [F in PracticeFrequency]: readonly number[] } = {
  daily: [0, 1, 2, 3, 4, 5, 6],
  '3x_week': [0, 2, 4],
  weekend: [5, 6],
};

/** Shortest item, minutes. */
export const MIN_ITEM_MINUTES = 2;
/** Minutes one spaced-repetition review takes in the plan. */
export const REVIEW_MINUTES = 2;
/** Reviews take at most this share of a session. */
export const REVIEW_SHARE = 0.25;
/** Share of a week's items that go to the focus skills (they also get twice the minutes of the others). */
export const FOCUS_SLOT_SHARE = 2 / 3;

export interface SlotLayout {
  readonly skill: Skill;
  /** The milestone song rather than an exercise. */
  readonly song: boolean;
  readonly minutes: number;
}

export interface SessionLayout {
  readonly day: number;
  readonly reviews: readonly ReviewCard[];
  readonly slots: readonly SlotLayout[];
}

interface Slot {
  readonly skill: Skill;
  readonly song: boolean;
}

/** Items a session holds besides its reviews: about one per quarter of the session (5–20 minutes each). */
function itemCount(remaining: number, sessionMinutes: number, sessions: number): number {
  const itemLength = Math.min(20, Math.max(5, sessionMinutes / 4));
  const balance = Math.ceil(SKILLS.length / sessions);
  return Math.max(
    1,
    Math.min(Math.floor(remaining / MIN_ITEM_MINUTES), Math.max(balance, Math.round(remaining / itemLength))),
  );
}

/**
 * The week's items by skill: every non-focus skill once (sight reading as the milestone song when there is
 * one), then focus skills (weakest first, in turn) until they hold two thirds of the items, the others
 * taking their turns after that. Sight-reading items alternate song and exercise, starting with the song.
 */
function weekSlots(total: number, focus: readonly Skill[], hasSong: boolean): Slot[] {
  const others = SKILLS.filter((s) => !focus.includes(s));
  const skills: Skill[] = [...others];
  let f = 0;
  let o = 0;
  while (skills.length < total) {
    const focusCount = skills.filter((s) => focus.includes(s)).length;
    if (others.length === 0 || focusCount < FOCUS_SLOT_SHARE * (skills.length + 1)) {
      skills.push(focus[f++ % focus.length] as Skill);
    } else {
      skills.push(others[o++ % others.length] as Skill);
    }
  }
  let reading = 0;
  return skills.map((skill) => ({
    skill,
    song: hasSong && skill === 'sight_reading' && reading++ % 2 === 0,
  }));
}

/** Splits `minutes` over items by weight: each gets the minimum, the rest by largest remainder. */
function splitMinutes(minutes: number, weights: readonly number[]): number[] {
  const base = weights.map(() => MIN_ITEM_MINUTES);
  const extra = minutes - MIN_ITEM_MINUTES * weights.length;
  const total = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => (extra * w) / total);
  const out = base.map((b, i) => b + Math.floor(shares[i] ?? 0));
  let left = minutes - out.reduce((a, b) => a + b, 0);
  const order = shares
    .map((s, i) => [s - Math.floor(s), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const i = order[k]?.[1] ?? 0;
    out[i] = (out[i] ?? 0) + 1;
  }
  return out;
}

/**
 * Lays out one week: which skills each session works on and for how many minutes. Every session is filled
 * to exactly `sessionMinutes` (items are whole minutes, at least 2), so each day and the week match the
 * budget exactly. Due reviews go first, 2 minutes each, at most a quarter of a session, into the first
 * sessions. Focus items are weighted twice the others; if the focus skills still hold less than half the
 * week, minutes move to them from the other items of the same session.
 */
export function layoutWeek(options: {
  readonly days: readonly number[];
  readonly sessionMinutes: number;
  readonly focus: readonly Skill[];
  readonly reviews: readonly ReviewCard[];
  readonly hasSong: boolean;
}): SessionLayout[] {
  const { days, sessionMinutes: M, focus } = options;
  const perSession = Math.floor((M * REVIEW_SHARE) / REVIEW_MINUTES);
  const queue = [...options.reviews];
  const reviews = days.map(() => queue.splice(0, perSession));
  const remaining = reviews.map((r) => M - REVIEW_MINUTES * r.length);
  const counts = remaining.map((r) => itemCount(r, M, days.length));
  const slots = weekSlots(
    counts.reduce((a, b) => a + b, 0),
    focus,
    options.hasSong,
  );
  // Deal the slots to sessions in turn, avoiding a skill twice in one session while another has room.
  const dealt: Slot[][] = days.map(() => []);
  slots.forEach((slot, i) => {
    const order = days.map((_, k) => (i + k) % days.length);
    const open = order.filter((s) => (dealt[s]?.length ?? 0) < (counts[s] ?? 0));
    const fresh = open.find((s) => !dealt[s]?.some((x) => x.skill === slot.skill && x.song === slot.song));
    dealt[fresh ?? open[0] ?? 0]?.push(slot);
  });
  const minutes = dealt.map((items, s) =>
    splitMinutes(
      remaining[s] ?? M,
      items.map((x) => (focus.includes(x.skill) ? 2 : 1)),
    ),
  );
  moveMinutesToFocus(dealt, minutes, reviews, focus, M * days.length);
  return days.map((day, s) => ({
    day,
    reviews: reviews[s] ?? [],
    slots: (dealt[s] ?? []).map((x, i) => ({ ...x, minutes: minutes[s]?.[i] ?? MIN_ITEM_MINUTES })),
  }));
}

/** Moves single minutes from non-focus items to focus items of the same session until focus holds half the week. */
function moveMinutesToFocus(
  dealt: readonly Slot[][],
  minutes: number[][],
  reviews: readonly (readonly ReviewCard[])[],
  focus: readonly Skill[],
  weekMinutes: number,
): void {
  const isFocus = (skill: Skill): boolean => focus.includes(skill);
  let focusMinutes =
    dealt.reduce(
      (sum, items, s) =>
        sum + items.reduce((t, x, i) => t + (isFocus(x.skill) ? (minutes[s]?.[i] ?? 0) : 0), 0),
      0,
    ) +
    reviews.flat().filter((r) => isFocus(r.skill)).length * REVIEW_MINUTES;
  const goal = Math.ceil(weekMinutes * 0.55);
  for (let guard = 0; focusMinutes < goal && guard < weekMinutes; guard++) {
    let moved = false;
    for (let s = 0; s < dealt.length && !moved; s++) {
      const items = dealt[s] ?? [];
      const row = minutes[s] ?? [];
      const to = items.findIndex((x) => isFocus(x.skill));
      let from = -1;
      items.forEach((x, i) => {
        if (
          !isFocus(x.skill) &&
          (row[i] ?? 0) > MIN_ITEM_MINUTES &&
          (from < 0 || (row[i] ?? 0) > (row[from] ?? 0))
        )
          from = i;
      });
      if (to >= 0 && from >= 0) {
        row[from] = (row[from] ?? 0) - 1;
        row[to] = (row[to] ?? 0) + 1;
        focusMinutes++;
        moved = true;
      }
    }
    if (!moved) break;
  }
}
