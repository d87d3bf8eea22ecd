import { parseKey, type Key } from '@cadenza/core';

/** One thing read from the description, with the words it came from (so the response can show how). */
export interface Reading<T> {
  readonly value: T;
  readonly words: string;
}

/** What a free-text description says about key, tempo and length; absent parts were not mentioned. */
export interface DescriptionReading {
  readonly key?: Reading<Key>;
  readonly tempo?: Reading<number>;
  readonly bars?: Reading<number>;
  readonly moods: readonly Reading<string>[];
  readonly styles: readonly Reading<string>[];
}

const MOODS = [
  'uplifting',
  'sad',
  'soulful',
  'dark',
  'joyful',
  'mellow',
  'warm',
  'bright',
  'melancholy',
  'dreamy',
];
// Style cue → the words that name it; longer phrases first so "gospel shuffle" wins over "shuffle".
const STYLES: readonly (readonly [string, RegExp])[] = [
  ['ii-v-i', /\bii-V-I\b|\b2-5-1\b/i],
  ['gospel-shuffle', /\bgospel shuffle\b/i],
  ['shuffle', /\bshuffle\b/i],
  ['bebop', /\bbebop\b/i],
  ['twelve-bar', /\b12-bar\b|\btwelve-bar\b/i],
  ['eight-bar', /\b8-bar\b|\beight-bar\b/i],
  ['boogie-woogie', /\bboogie[- ]woogie\b/i],
  ['stride', /\bstride\b/i],
  ['walking-bass', /\bwalking bass\b/i],
  ['baroque', /\bbaroque\b/i],
  ['alberti', /\balberti\b/i],
  ['amen', /\bamen\b/i],
  ['quick-change', /\bquick change\b/i],
  ['jazz-blues', /\bjazz blues\b/i],
  ['minor-blues', /\bminor blues\b/i],
  ['rhythm-changes', /\brhythm changes\b/i],
  ['turnaround', /\bturnarounds?\b/i],
  // Pattern cues: each genre's chooser maps them to its own pattern ids.
  ['shell', /\bshell\b|\bshells\b/i],
  ['comping', /\bcomping\b/i],
  ['syncopated', /\bsyncopat\w*/i],
  ['bass-line', /\bbass ?lines?\b/i],
  ['block-chords', /\bblock chords?\b/i],
  ['octave', /\boctaves?\b/i],
  ['arpeggiated', /\barpeggi\w*/i],
  ['rootless', /\brootless\b/i],
  ['tremolo', /\btremolo\b|\bdouble stops?\b/i],
  ['call-response', /\bcall[- ]and[- ]response\b|\bcall[- ]response\b/i],
  ['fills', /\bfills?\b/i],
  ['sustained', /\bsustained\b|\bpads?\b/i],
  ['dorian', /\bdorian\b/i],
  ['planing', /\bplaning\b|\bparallel chords\b/i],
  ['laid-back', /\blaid[- ]back\b|\bbehind the beat\b/i],
];

function readStyles(text: string): Reading<string>[] {
  const found: Reading<string>[] = [];
  for (const [style, pattern] of STYLES) {
    const m = pattern.exec(text);
    if (!m) continue;
    if (style === 'shuffle' && found.some((r) => r.value === 'gospel-shuffle')) continue;
    found.push({ value: style, words: m[0] });
  }
  return found;
}

function readMoods(text: string): Reading<string>[] {
  return MOODS.flatMap((mood) => {
    const m = new RegExp(`\\b${mood}\\b`, 'i').exec(text);
    return m ? [{ value: mood, words: m[0] }] : [];
  });
}

// "in Bb minor", "key of Eb", "F# major", "C minor": a mode word or "key of"/"in" must mark the key,
// so that an ordinary "a" in the sentence is never read as A major.
const KEY_PATTERN =
  /\b(?:key of\s+|in\s+)?([A-G](?:#|b|♯|♭|[- ]flat\b|[- ]sharp\b)?)(?:\s+(major|minor))?(?![\w#♯♭])/g;

/** "A flat" / "A-flat" → "Ab", "F sharp" → "F#"; symbols pass through. */
const tonicText = (words: string): string => words.replace(/[- ]flat$/i, 'b').replace(/[- ]sharp$/i, '#');
const TEMPO_WORDS: Record<string, number> = { slow: 66, ballad: 60, medium: 100, upbeat: 132, fast: 160 };

export function readDescription(text: string): DescriptionReading {
  const reading: {
    key?: Reading<Key>;
    tempo?: Reading<number>;
    bars?: Reading<number>;
    moods: Reading<string>[];
    styles: Reading<string>[];
  } = { moods: readMoods(text), styles: readStyles(text) };
  for (const m of text.matchAll(KEY_PATTERN)) {
    const [words, tonic, mode] = m;
    const marked = mode !== undefined || /^(key of|in)\s/i.test(words);
    if (!marked || tonic === undefined) continue;
    reading.key = {
      value: parseKey(`${tonicText(tonic)}${mode === 'minor' ? ' minor' : ''}`),
      words: words.trim(),
    };
    break;
  }
  const bpm = /\b(\d{2,3})\s*bpm\b/i.exec(text);
  if (bpm?.[1] !== undefined) reading.tempo = { value: Number(bpm[1]), words: bpm[0] };
  else {
    const word = /\b(slow|ballad|medium|upbeat|fast)\b/i.exec(text);
    const tempo = word?.[1] !== undefined ? TEMPO_WORDS[word[1].toLowerCase()] : undefined;
    if (word && tempo !== undefined) reading.tempo = { value: tempo, words: word[0] };
  }
  const bars = /\b(\d{1,3})[-\s]bars?\b/i.exec(text);
  if (bars?.[1] !== undefined) reading.bars = { value: Number(bars[1]), words: bars[0] };
  return reading;
}
