import { describe, expect, it } from 'vitest';
import {
  availableTopics,
  checkTheoryAnswer,
  RequestFieldError,
  THEORY_CONCEPTS,
  THEORY_TOPICS,
  theoryQuestions,
  theoryTopic,
  topicOrder,
  type TheoryQuestion,
} from '../src/index.js';

// Independent music arithmetic for checking answers (not the code under test).
const LETTER = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 } as const;
const LETTERS = 'CDEFGAB';
type Letter = keyof typeof LETTER;
function note(text: string): { letter: Letter; semis: number; octave: number } {
  const m = /^([A-G])([♯♭#b]*)(\d?)$/u.exec(text.trim());
  if (!m) throw new Error(`not a note: ${text}`);
  const letter = m[1] as Letter;
  const acc = [...(m[2] ?? '')].reduce((s, c) => s + (c === '♯' || c === '#' ? 1 : -1), 0);
  const octave = m[3] ? Number(m[3]) : 4;
  return { letter, semis: LETTER[letter] + acc + 12 * octave, octave };
}
const mod12 = (n: number): number => ((n % 12) + 12) % 12;
const mod7 = (n: number): number => ((n % 7) + 7) % 7;
const letterSpan = (a: Letter, b: Letter, octaves: number): number =>
  LETTERS.indexOf(b) - LETTERS.indexOf(a) + 7 * octaves + 1;
const INTERVAL_SIZE: Record<string, [number, number]> = {
  'minor second': [2, 1],
  'major second': [2, 2],
  'augmented second': [2, 3],
  'minor third': [3, 3],
  'major third': [3, 4],
  'perfect fourth': [4, 5],
  'augmented fourth': [4, 6],
  'diminished fifth': [5, 6],
  'perfect fifth': [5, 7],
  'augmented fifth': [5, 8],
  'minor sixth': [6, 8],
  'major sixth': [6, 9],
  'diminished seventh': [7, 9],
  'minor seventh': [7, 10],
  'major seventh': [7, 11],
  'perfect octave': [8, 12],
};
const answerLabel = (q: TheoryQuestion): string => q.choices.find((c) => c.id === q.answer)?.label ?? '';
const many = (topic: string, n = 40): TheoryQuestion[] => theoryQuestions(topic, 11, n);

describe('theory topic graph', () => {
  it('has unique ids, known prerequisites and no cycles', () => {
    const ids = THEORY_TOPICS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(20);
    for (const t of THEORY_TOPICS) for (const p of t.prerequisites) expect(ids).toContain(p);
    // depth-first search for a back edge
    const state = new Map<string, 'open' | 'done'>();
    const visit = (id: string): void => {
      expect(state.get(id)).not.toBe('open');
      if (state.get(id) === 'done') return;
      state.set(id, 'open');
      for (const p of theoryTopic(id)?.prerequisites ?? []) visit(p);
      state.set(id, 'done');
    };
    ids.forEach(visit);
  });

  it('covers every spec concept with at least four subtopics, and each level is above its prerequisites', () => {
    for (const c of THEORY_CONCEPTS)
      expect(THEORY_TOPICS.filter((t) => t.concept === c).length).toBeGreaterThanOrEqual(4);
    const titles = THEORY_TOPICS.map((t) => t.title).join('\n');
    for (const sub of [
      'Major and minor seconds',
      'Perfect intervals',
      'Augmented and diminished intervals',
      'Interval inversion',
      'Major scale construction',
      'Minor scales',
      'Pentatonic scales',
      'Modes of major scale'.replace('of major', 'of the major'),
      'Triads',
      '7th chords',
      'Chord inversions',
      'Extended chords',
      'Diatonic progressions',
      'ii–V–I',
      'Circle of fifths',
      'Modal interchange',
      'Note values and rests',
      'Time signatures',
      'Syncopation',
      'Polyrhythm',
      'Roman numeral analysis',
      'Functional harmony',
      'Non-chord tones',
      'Modulation',
    ]) {
      expect(titles).toContain(sub);
    }
    for (const t of THEORY_TOPICS) {
      for (const p of t.prerequisites) expect(theoryTopic(p)?.level ?? 99).toBeLessThanOrEqual(t.level);
    }
  });

  it('orders the teaching sensibly', () => {
    const order = topicOrder().map((t) => t.id);
    expect(order).toHaveLength(THEORY_TOPICS.length);
    const before = (a: string, b: string): void => expect(order.indexOf(a)).toBeLessThan(order.indexOf(b));
    before('note-values', 'time-signatures');
    before('time-signatures', 'syncopation');
    before('thirds-sixths-sevenths', 'triads');
    before('triads', 'seventh-chords');
    before('seventh-chords', 'ii-v-i');
    before('major-scale', 'key-signatures');
    before('major-scale', 'minor-scales');
    before('key-signatures', 'modes');
    order.forEach((id, i) => {
      for (const p of theoryTopic(id)?.prerequisites ?? []) expect(order.indexOf(p)).toBeLessThan(i);
    });
  });

  it('availableTopics: prerequisites learned, not learned yet, lowest level first', () => {
    expect(availableTopics([]).map((t) => t.id)).toEqual(['note-values', 'seconds']);
    const next = availableTopics(['note-values', 'seconds', 'major-scale']).map((t) => t.id);
    expect(next).toEqual([
      'time-signatures',
      'perfect-intervals',
      'thirds-sixths-sevenths',
      'pentatonic-scales',
      'key-signatures',
    ]);
    expect(availableTopics(THEORY_TOPICS.map((t) => t.id))).toEqual([]);
  });
});

describe('theory questions', () => {
  it('every topic makes well-formed, reproducible questions', () => {
    for (const t of THEORY_TOPICS) {
      const qs = many(t.id, 25);
      expect(qs).toEqual(theoryQuestions(t.id, 11, 25));
      for (const q of qs) {
        expect(q.topicId).toBe(t.id);
        expect(q.choices.length).toBeGreaterThanOrEqual(3);
        expect(q.choices.length).toBeLessThanOrEqual(4);
        expect(new Set(q.choices.map((c) => c.id)).size).toBe(q.choices.length);
        expect(new Set(q.choices.map((c) => c.label)).size).toBe(q.choices.length);
        expect(q.choices.filter((c) => c.id === q.answer)).toHaveLength(1);
        expect(q.explanation.length).toBeGreaterThan(10);
      }
    }
    expect(theoryQuestions('triads', 1, 3)).not.toEqual(theoryQuestions('triads', 2, 3));
  });

  it('interval answers match the letters and half steps counted independently', () => {
    for (const topic of [
      'seconds',
      'perfect-intervals',
      'thirds-sixths-sevenths',
      'augmented-diminished-intervals',
    ]) {
      for (const q of many(topic)) {
        const m = /from (\S+) up to (\S+)\?/u.exec(q.prompt);
        expect(m).not.toBeNull();
        const low = note(m?.[1] ?? '');
        const high = note(m?.[2] ?? '');
        const size = INTERVAL_SIZE[answerLabel(q)];
        expect(size).toBeDefined();
        expect(letterSpan(low.letter, high.letter, high.octave - low.octave)).toBe(size?.[0]);
        expect(high.semis - low.semis).toBe(size?.[1]);
      }
    }
  });

  it('inversions add up to nine and twelve half steps', () => {
    for (const q of many('interval-inversion')) {
      const asked = /Turn an? (.+?) upside down/.exec(q.prompt)?.[1] ?? '';
      const [n1, s1] = INTERVAL_SIZE[asked] ?? [0, 0];
      const [n2, s2] = INTERVAL_SIZE[answerLabel(q)] ?? [0, 0];
      expect(n1 + n2).toBe(9);
      expect(s1 + s2).toBe(12);
    }
  });

  it('major-scale degrees follow W W H W W W H', () => {
    const steps = [0, 2, 4, 5, 7, 9, 11];
    for (const q of many('major-scale')) {
      const m = /the (\d)\w\w note of the (\S+) major scale/u.exec(q.prompt);
      const degree = Number(m?.[1]);
      const tonic = note(m?.[2] ?? '');
      const answer = note(answerLabel(q));
      expect(mod12(answer.semis - tonic.semis)).toBe(steps[degree - 1]);
      expect(mod7(LETTERS.indexOf(answer.letter) - LETTERS.indexOf(tonic.letter))).toBe(degree - 1);
    }
  });

  it('key signatures match the order of sharps and flats', () => {
    const majorFifths: Record<string, number> = {
      'C♭': -7,
      'G♭': -6,
      'D♭': -5,
      'A♭': -4,
      'E♭': -3,
      'B♭': -2,
      F: -1,
      C: 0,
      G: 1,
      D: 2,
      A: 3,
      E: 4,
      B: 5,
      'F♯': 6,
      'C♯': 7,
    };
    const minorFifths: Record<string, number> = {
      'A♭': -7,
      'E♭': -6,
      'B♭': -5,
      F: -4,
      C: -3,
      G: -2,
      D: -1,
      A: 0,
      E: 1,
      B: 2,
      'F♯': 3,
      'C♯': 4,
      'G♯': 5,
      'D♯': 6,
      'A♯': 7,
    };
    for (const q of many('key-signatures')) {
      const m = /does (\S+) (major|minor) have/u.exec(q.prompt);
      const table = m?.[2] === 'major' ? majorFifths : minorFifths;
      expect(q.answer).toBe(String(table[m?.[1] ?? ''] ?? 'missing'));
    }
  });

  it('triad and seventh qualities match their half steps', () => {
    const byShape: Record<string, string> = {
      '4,7': 'major',
      '3,7': 'minor',
      '3,6': 'diminished',
      '4,8': 'augmented',
      '4,7,11': 'major 7th',
      '3,7,10': 'minor 7th',
      '4,7,10': 'dominant 7th',
      '3,6,10': 'half-diminished 7th',
      '3,6,9': 'diminished 7th',
    };
    for (const q of [...many('triads'), ...many('seventh-chords')]) {
      const notes = (/spelled (\S+)\?/u.exec(q.prompt)?.[1] ?? '').split('–').map(note);
      const root = notes[0]?.semis ?? 0;
      const shape = notes
        .slice(1)
        .map((n) => mod12(n.semis - root))
        .join(',');
      expect(answerLabel(q).endsWith(byShape[shape] ?? 'missing')).toBe(true);
    }
  });

  it('rhythm answers: note values, bar lengths, syncopation and polyrhythm grids', () => {
    const quarters: Record<string, number> = {
      whole: 4,
      'dotted half': 3,
      half: 2,
      'dotted quarter': 1.5,
      quarter: 1,
      eighth: 0.5,
      sixteenth: 0.25,
    };
    for (const q of many('note-values')) {
      const m = /How many (.+) notes last as long as one (.+) note\?/.exec(q.prompt);
      expect(Number(q.answer)).toBe((quarters[m?.[2] ?? ''] ?? 0) / (quarters[m?.[1] ?? ''] ?? 1));
    }
    for (const q of many('time-signatures')) {
      const m = /How many (quarter|eighth) notes fill one bar of (\d+)\/(\d+)\?/.exec(q.prompt);
      const barInQuarters = (Number(m?.[2]) * 4) / Number(m?.[3]);
      expect(Number(q.answer)).toBe(barInQuarters / (m?.[1] === 'quarter' ? 1 : 0.5));
    }
    for (const q of many('syncopation')) {
      const values = (/reads: (.+)\. Which/.exec(q.prompt)?.[1] ?? '')
        .split(', ')
        .map((v) => (v === 'quarter' ? 1 : 0.5));
      let t = 0;
      const synco = values.findIndex((v) => {
        const start = t;
        t += v;
        return !Number.isInteger(start) && Math.floor(start + v - 1e-9) > Math.floor(start);
      });
      expect(q.answer).toBe(String(synco + 1));
    }
    for (const q of many('polyrhythm')) {
      const [a, b] = (/a (\d)-against-(\d)/.exec(q.prompt) ?? []).slice(1).map(Number);
      let lcm = a ?? 1;
      while (lcm % (b ?? 1) !== 0) lcm += a ?? 1;
      expect(Number(q.answer)).toBe(lcm);
    }
  });

  it('circle of fifths, modes and inversions', () => {
    for (const q of many('circle-of-fifths')) {
      const from = note(/after (\S+) major/u.exec(q.prompt)?.[1] ?? '');
      const to = note(answerLabel(q).replace(' major', ''));
      expect(mod12(to.semis - from.semis)).toBe(q.prompt.includes('clockwise (a fifth up)') ? 7 : 5);
    }
    const modes = ['Ionian', 'Dorian', 'Phrygian', 'Lydian', 'Mixolydian', 'Aeolian', 'Locrian'];
    for (const q of many('modes')) {
      const m = /notes of (\S+) major from (\S+) to/u.exec(q.prompt);
      const degree = mod7(
        LETTERS.indexOf(note(m?.[2] ?? '').letter) - LETTERS.indexOf(note(m?.[1] ?? '').letter),
      );
      expect(answerLabel(q)).toBe(modes[degree]);
    }
    for (const q of many('chord-inversions')) {
      const notes = (/is played (\S+) from the bass/u.exec(q.prompt)?.[1] ?? '').split('–').map(note);
      const root = note(/^([A-G][♯♭]?)/u.exec(q.prompt)?.[1] ?? '');
      const rootIndex = notes.findIndex((n) => mod12(n.semis - root.semis) === 0);
      expect(rootIndex).toBeGreaterThanOrEqual(0);
      expect(Number(q.answer)).toBe((notes.length - rootIndex) % notes.length);
    }
  });

  it('non-chord tones: in the chord, a step away and back, or a step between', () => {
    for (const q of many('non-chord-tones')) {
      const m = /\((\S+)\) the melody moves (\S+)\./u.exec(q.prompt);
      const chord = (m?.[1] ?? '').split('–').map((n) => mod12(note(n).semis));
      const [a, b, c] = (m?.[2] ?? '').split('–').map((n) => note(n));
      const expected = chord.includes(mod12(b?.semis ?? -1))
        ? 'chord tone'
        : a?.letter === c?.letter
          ? 'neighbour tone'
          : 'passing tone';
      expect(q.answer).toBe(expected);
    }
  });

  it('modulation targets: dominant a fifth up, subdominant a fifth down, relative and parallel', () => {
    for (const q of many('modulation')) {
      const m = /in (\S+) (major|minor) modulates to its (\w+) key/u.exec(q.prompt);
      const [tonic, mode] = answerLabel(q).split(' ');
      const from = note(m?.[1] ?? '').semis;
      const to = note(tonic ?? '').semis;
      const relation = m?.[3];
      expect(['dominant', 'subdominant', 'parallel', 'relative']).toContain(relation);
      if (relation === 'dominant') expect([mod12(to - from), mode]).toEqual([7, m?.[2]]);
      if (relation === 'subdominant') expect([mod12(to - from), mode]).toEqual([5, m?.[2]]);
      if (relation === 'parallel') expect([mod12(to - from), mode === m?.[2]]).toEqual([0, false]);
      if (relation === 'relative') expect(mod12(to - from)).toBe(m?.[2] === 'major' ? 9 : 3);
    }
  });

  it('checkTheoryAnswer names the right answer when wrong', () => {
    const [q] = theoryQuestions('major-scale', 3, 1);
    if (!q) throw new Error('no question');
    expect(checkTheoryAnswer(q, q.answer)).toEqual({ correct: true, explanation: q.explanation });
    const wrong = q.choices.find((c) => c.id !== q.answer);
    const result = checkTheoryAnswer(q, wrong?.id ?? '');
    expect(result.correct).toBe(false);
    expect(result.explanation).toContain(`The answer is ${answerLabel(q)}.`);
    expect(() => checkTheoryAnswer(q, 'nonsense')).toThrow(RequestFieldError);
    expect(() => theoryQuestions('astrology', 1, 1)).toThrow(RequestFieldError);
    expect(() => theoryQuestions('triads', 1, 0)).toThrow(RequestFieldError);
  });
});
