/**
 * The four 12-bar blues forms as a teacher writes them on the board: one entry per bar, each bar one
 * chord or two (the second from the middle of the bar). `roman` is what core realises in the key (in
 * the parallel minor for the minor blues); `numeral` is how the lesson names it; `comment` says why
 * the chord is there.
 */
export interface FormChord {
  readonly roman: string;
  readonly numeral: string;
  readonly comment: string;
}

export type FormBar = readonly [FormChord] | readonly [FormChord, FormChord];

export type BluesFormId = 'basic' | 'quick-change' | 'jazz' | 'minor' | 'eight-bar';

export interface BluesForm {
  readonly id: BluesFormId;
  readonly name: string;
  /** 'minor': realised in the parallel minor of the request's key. */
  readonly mode: 'major' | 'minor';
  readonly bars: readonly FormBar[];
}

const c = (roman: string, comment: string, numeral = roman): FormChord => ({ roman, numeral, comment });

const I_HOME = c('I7', 'home: the tonic as a dominant 7th, the blues sound itself');
const I_STAY = c('I7', 'still on I7: the first line of the blues states its idea over the tonic');
const IV_CHANGE = c('IV7', 'the form moves to IV7, the first big change of the 12-bar');
const IV_STAY = c('IV7', 'IV7 again: the second line repeats the first over the subdominant');
const I_BACK = c('I7', 'back home to I7 to finish the second line');
const V_TOP = c('V7', 'V7: the highest tension of the form, the third line starts');
const IV_DOWN = c('IV7', 'IV7 on the way down: the classic V–IV–I fall of the blues');
const I_ANSWER = c('I7', 'I7: the third line resolves home');
const V_TURN = c('V7', 'the turnaround: V7 pulls back to bar 1 for the next chorus');

export const BASIC_BLUES: BluesForm = {
  id: 'basic',
  name: '12-bar blues',
  mode: 'major',
  bars: [
    [I_HOME],
    [I_STAY],
    [I_STAY],
    [c('I7', 'I7 for the fourth bar: its ♭7 leans towards IV')],
    [IV_CHANGE],
    [IV_STAY],
    [I_BACK],
    [I_BACK],
    [V_TOP],
    [IV_DOWN],
    [I_ANSWER],
    [V_TURN],
  ],
};

export const QUICK_CHANGE_BLUES: BluesForm = {
  ...BASIC_BLUES,
  id: 'quick-change',
  name: 'quick-change blues',
  bars: BASIC_BLUES.bars.map((bar, i) =>
    i === 1 ? ([c('IV7', 'the quick change: IV7 already in bar 2, then straight back to I7')] as const) : bar,
  ),
};

export const JAZZ_BLUES: BluesForm = {
  id: 'jazz',
  name: 'jazz blues',
  mode: 'major',
  bars: [
    [I_HOME],
    [c('IV7', 'a quick change to IV7 in bar 2, as jazz players take it')],
    [I_STAY],
    [
      c('v7', 'v7: the ii of IV, starting a ii–V into bar 5'),
      c('I7', 'I7 as V7/IV: the ii–V that leads into IV7', 'V7/IV'),
    ],
    [IV_CHANGE],
    [c('#iv°7', '♯iv°7: a passing diminished chord climbing from IV back to I', '♯iv°7')],
    [I_BACK],
    [c('VI7', 'VI7 (V7/ii): a secondary dominant that sets up the ii–V', 'VI7')],
    [c('ii7', 'ii7: the ii–V of bars 9–10 replaces the plain V7')],
    [c('V7', 'V7: the ii–V resolves towards home')],
    [c('I7', 'I7: home, then the turnaround starts'), c('VI7', 'turnaround: VI7 (V7/ii)', 'VI7')],
    [c('ii7', 'turnaround: ii7'), c('V7', 'turnaround: V7 leads back to bar 1')],
  ],
};

export const MINOR_BLUES: BluesForm = {
  id: 'minor',
  name: 'minor blues',
  mode: 'minor',
  bars: [
    [c('i7', 'home: the minor tonic 7th, darker than the major blues')],
    [c('i7', 'still on i7: the first line states its idea')],
    [c('i7', 'i7 again: the minor tonic holds the first line')],
    [c('i7', 'i7 for the fourth bar, ready to move to iv7')],
    [c('iv7', 'the form moves to iv7, the first big change of the minor blues')],
    [c('iv7', 'iv7 again: the second line over the minor subdominant')],
    [c('i7', 'back home to i7')],
    [c('i7', 'i7 to finish the second line')],
    [c('VI7', '♭VI7: the minor blues replaces V with the chord a half step above it', '♭VI7')],
    [c('V7', 'V7: ♭VI7 slides down a half step to the dominant')],
    [c('i7', 'i7: the third line resolves home')],
    [c('V7', 'the turnaround: V7 pulls back to bar 1')],
  ],
};

/** The 8-bar blues of "Key to the Highway": I–V–IV–IV, I–V–I–V, when a piece is 8 or 16 bars long. */
export const EIGHT_BAR_BLUES: BluesForm = {
  id: 'eight-bar',
  name: '8-bar blues',
  mode: 'major',
  bars: [
    [c('I7', 'home: the 8-bar blues states its line over I7')],
    [c('V7', 'V7 already in bar 2: the 8-bar form moves twice as fast as the 12-bar')],
    [c('IV7', 'IV7: the line climbs to the subdominant')],
    [c('IV7', 'IV7 again, the middle of the form')],
    [c('I7', 'back home to I7 for the second line')],
    [c('V7', 'V7: the second line answers the first')],
    [c('I7', 'I7: home for a bar')],
    [c('V7', 'the turnaround: V7 pulls back to bar 1')],
  ],
};

export const BLUES_FORMS: Readonly<Record<BluesFormId, BluesForm>> = {
  'eight-bar': EIGHT_BAR_BLUES,
  basic: BASIC_BLUES,
  'quick-change': QUICK_CHANGE_BLUES,
  jazz: JAZZ_BLUES,
  minor: MINOR_BLUES,
};
