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
}

// "in Bb minor", "key of Eb", "F# major", "C minor": a mode word or "key of"/"in" must mark the key,
// so that an ordinary "a" in the sentence is never read as A major.
const KEY_PATTERN = /\b(?:key of\s+|in\s+)?([A-G](?:#|b|♯|♭)?)(?:\s+(major|minor))?\b/g;
const TEMPO_WORDS: Record<string, number> = { slow: 66, ballad: 60, medium: 100, upbeat: 132, fast: 160 };

export function readDescription(text: string): DescriptionReading {
  const reading: { key?: Reading<Key>; tempo?: Reading<number>; bars?: Reading<number> } = {};
  for (const m of text.matchAll(KEY_PATTERN)) {
    const [words, tonic, mode] = m;
    const marked = mode !== undefined || /^(key of|in)\s/i.test(words);
    if (!marked || tonic === undefined) continue;
    reading.key = { value: parseKey(`${tonic}${mode === 'minor' ? ' minor' : ''}`), words: words.trim() };
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
