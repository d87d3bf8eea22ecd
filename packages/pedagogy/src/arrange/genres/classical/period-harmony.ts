import type { Rng } from '@cadenza/core';

/** One harmony of a bar plan: the numeral (realised in the key later) and why it is there. */
export interface Harmony {
  readonly numeral: string;
  readonly comment: string;
}

/** A bar holds one harmony, or two that split it (see `halfBarTwelfths`). */
export type BarPlan = readonly Harmony[];

/** How a phrase ends: perfect authentic, half or deceptive cadence. */
export type Cadence = 'PAC' | 'HC' | 'DC';

export type Period = 'classical' | 'baroque' | 'romantic';

const h = (numeral: string, comment: string): Harmony => ({ numeral, comment });

const TONIC_OPEN = h('I', 'tonic: the phrase starts at home so the ear knows the key');
const TONIC_RETURN = h('I', 'tonic again: the harmony returns home before moving on');

/** The cadence bars (two), ending the phrase. */
function cadenceBars(period: Period, cadence: Cadence, rng: Rng): BarPlan[] {
  const dominant = h('V', 'dominant: the half cadence pauses on V, a question the next phrase answers');
  if (cadence === 'HC') {
    const pre =
      period === 'romantic'
        ? rng.pick([
            h(
              'Ger+6',
              'German augmented sixth: ♭6 and ♯4 spread outwards by semitone onto the dominant octave',
            ),
            h('V7/V', 'secondary dominant (V7 of V): its raised 4th leads up into the dominant'),
            h('iv6', 'modal mixture: the minor iv borrowed from the parallel minor darkens the approach'),
          ])
        : rng.pick([
            h('IV', 'subdominant: the pre-dominant leads away from the tonic towards V'),
            h('ii6', 'supertonic in first inversion: the classic pre-dominant, its bass steps up to 5'),
          ]);
    return [[pre], [dominant]];
  }
  const pre =
    period === 'romantic'
      ? rng.pick([
          h('N6', 'Neapolitan sixth (♭II6): the lowered 2nd gives the cadence a poignant chromatic colour'),
          h('V7/V', 'secondary dominant (V7 of V): tonicises the dominant just before the cadence'),
          h('Ger+6', 'German augmented sixth: the chromatic pre-dominant resolving outward to V'),
        ])
      : period === 'baroque'
        ? h('ii6', 'supertonic in first inversion: the pre-dominant of the cadence')
        : rng.pick([
            h('ii6', 'supertonic in first inversion: the classic pre-dominant, its bass steps up to 5'),
            h('IV', 'subdominant: the pre-dominant of the cadence'),
          ]);
  const v7 = h('V7', 'dominant seventh: the leading tone and the 7th both pull towards the tonic');
  if (cadence === 'DC') {
    return [
      [pre, v7],
      [h('vi', 'deceptive cadence: V–vi instead of V–I, the ear expected home and the phrase must go on')],
    ];
  }
  return [
    [pre, v7],
    [h('I', 'perfect authentic cadence: V–I with the tonic in the soprano closes the phrase')],
  ];
}

/** The classical opening bars (before the cadence): tonic prolongation and a simple move to IV or vi. */
function classicalBody(bars: number, rng: Rng): BarPlan[] {
  const second = rng.pick([
    [h('V6', 'dominant in first inversion: the leading tone in the bass neighbours the tonic')],
    [h('IV', 'subdominant: the simplest move away from I, as in I–IV–V–I')],
    [h('vi', 'submediant: shares two tones with I, a gentle step away')],
    [h('I6', 'tonic in first inversion: the bass moves while the harmony stays home')],
  ]);
  const plan: BarPlan[] = [[TONIC_OPEN], second];
  while (plan.length < bars) {
    plan.push(
      rng.pick([
        [h('IV', 'subdominant: moves away from the tonic without leaving the key')],
        [TONIC_RETURN],
        [h('V65', 'dominant seventh in first inversion: a neighbouring chord around the tonic')],
      ]),
    );
  }
  return plan.slice(0, bars);
}

/**
 * The Baroque circle of fifths I–IV–vii°–iii–vi–ii–V–I, two chords a bar: each root falls a fifth, a
 * sequence the ear follows without surprise (Vivaldi, Handel).
 */
export const CIRCLE_OF_FIFTHS = ['I', 'IV', 'vii°', 'iii', 'vi', 'ii', 'V', 'I'] as const;

function baroqueBody(bars: number): BarPlan[] {
  const link = (numeral: string, i: number): Harmony =>
    i % CIRCLE_OF_FIFTHS.length === 0
      ? h(numeral, 'tonic: the circle-of-fifths sequence starts at home')
      : h(numeral, `circle-of-fifths sequence: the root falls a fifth (link ${(i % 8) + 1} of 8)`);
  const plan: BarPlan[] = [];
  for (let bar = 0; plan.length < bars; bar++) {
    const first = (bar * 2) % CIRCLE_OF_FIFTHS.length;
    plan.push([
      link(CIRCLE_OF_FIFTHS[first] ?? 'I', first),
      link(CIRCLE_OF_FIFTHS[first + 1] ?? 'I', first + 1),
    ]);
  }
  return plan;
}

/** The Baroque cadence bar: the circle's last two links, V–I (or V alone, or V–vi). */
function baroqueCadence(cadence: Cadence): BarPlan {
  if (cadence === 'HC')
    return [h('V', 'half cadence: the sequence stops on the dominant, a question to answer')];
  const v7 = h(
    'V7',
    'circle-of-fifths sequence: V7, the last link, its leading tone pulling up to the tonic',
  );
  return cadence === 'DC'
    ? [v7, h('vi', 'deceptive cadence: V–vi instead of V–I, the sequence must run again')]
    : [v7, h('I', 'perfect authentic cadence: V–I with the tonic in the soprano closes the phrase')];
}

/** Romantic opening bars: secondary dominants and modal mixture colour a simple frame. */
function romanticBody(bars: number, rng: Rng): BarPlan[] {
  const colours: BarPlan[] = [
    [
      h('V7/IV', 'secondary dominant (V7 of IV): the tonic gains a 7th and leans into IV'),
      h('IV', 'subdominant, reached through its own dominant'),
    ],
    [h('♭VI', 'modal mixture: ♭VI borrowed from the parallel minor, a warm chromatic shadow')],
    [
      h('V7/vi', 'secondary dominant (V7 of vi): tonicises the relative minor'),
      h('vi', 'submediant, tonicised for a moment'),
    ],
    [h('iv', 'modal mixture: the minor subdominant borrowed from the parallel minor')],
  ];
  const plan: BarPlan[] = [[TONIC_OPEN]];
  while (plan.length < bars) plan.push(rng.pick(colours));
  return plan.slice(0, bars);
}

/** The bars of one phrase: the period's opening, then its two cadence bars (a 1-bar phrase is just V–I). */
export function phraseBars(period: Period, bars: number, cadence: Cadence, rng: Rng): BarPlan[] {
  const cadenceEnd = cadenceBars(period, cadence, rng);
  if (bars === 1) {
    const last = cadenceEnd[1]?.[0] ?? TONIC_RETURN;
    return [[h('V7', 'dominant seventh: pulls straight to the tonic'), last]];
  }
  if (period === 'baroque') return [...baroqueBody(bars - 1), baroqueCadence(cadence)];
  const bodyBars = bars - 2;
  const body = period === 'romantic' ? romanticBody(bodyBars, rng) : classicalBody(bodyBars, rng);
  return [...body, ...cadenceEnd];
}
