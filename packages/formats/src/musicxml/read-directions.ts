/**
 * Reading `<direction>`, `<harmony>` and `<sound>` into marks: tempo, rehearsal (sections), words,
 * dynamics and chord symbols. Unknown direction types are ignored.
 */
import { DYNAMICS, type Dynamic } from '@cadenza/core';
import { harmonySymbol } from './harmony.js';
import { child, childNumber, childText, childrenNamed, type XmlNode } from './xml-tree.js';

export type MarkPayload =
  | { readonly kind: 'tempo'; readonly bpm: number; readonly text?: string }
  | { readonly kind: 'section'; readonly label: string }
  | { readonly kind: 'words'; readonly text: string }
  | { readonly kind: 'dynamic'; readonly mark: Dynamic; readonly staff: number }
  | { readonly kind: 'chord'; readonly symbol: string };

/** Quarter notes in a metronome beat unit ("half" → 2); dotted units last half as long again. */
const BEAT_UNIT_QUARTERS: Readonly<Record<string, number>> = {
  breve: 8,
  whole: 4,
  half: 2,
  quarter: 1,
  eighth: 0.5,
  '16th': 0.25,
  '32nd': 0.125,
};

function metronomeBpm(metronome: XmlNode): number | undefined {
  const perMinute = childNumber(metronome, 'per-minute');
  const unit = BEAT_UNIT_QUARTERS[childText(metronome, 'beat-unit') ?? ''];
  if (perMinute === undefined || unit === undefined || perMinute <= 0) return undefined;
  const dotted = child(metronome, 'beat-unit-dot') !== undefined;
  return perMinute * unit * (dotted ? 1.5 : 1);
}

/** Tempo in quarter notes per minute from a `<sound tempo="…">`, if it has one. */
export function soundTempo(sound: XmlNode | undefined): number | undefined {
  const t = Number(sound?.attrs.tempo);
  return sound?.attrs.tempo !== undefined && Number.isFinite(t) && t > 0 ? t : undefined;
}

export function readDirection(direction: XmlNode): MarkPayload[] {
  const types = childrenNamed(direction, 'direction-type').flatMap((t) => t.children);
  const staff = childNumber(direction, 'staff') ?? 1;
  const out: MarkPayload[] = [];
  const words = types.filter((t) => t.name === 'words' && t.text !== '').map((t) => t.text);
  const metronome = types.find((t) => t.name === 'metronome');
  const bpm = soundTempo(child(direction, 'sound')) ?? (metronome && metronomeBpm(metronome));
  if (bpm !== undefined) out.push({ kind: 'tempo', bpm, ...(words.length ? { text: words.join(' ') } : {}) });
  else if (words.length) out.push({ kind: 'words', text: words.join(' ') });
  for (const t of types) {
    if (t.name === 'rehearsal' && t.text !== '') out.push({ kind: 'section', label: t.text });
    if (t.name === 'dynamics') {
      for (const d of t.children) {
        if ((DYNAMICS as readonly string[]).includes(d.name))
          out.push({ kind: 'dynamic', mark: d.name as Dynamic, staff });
      }
    }
  }
  return out;
}

export function readHarmony(harmony: XmlNode): MarkPayload[] {
  const root = child(harmony, 'root');
  const bass = child(harmony, 'bass');
  const kind = child(harmony, 'kind');
  const degrees = childrenNamed(harmony, 'degree')
    .filter((d) => d.attrs['print-object'] !== 'no')
    .map((d) => {
      const value = childText(d, 'degree-value') ?? '';
      const alter = childNumber(d, 'degree-alter') ?? 0;
      const type = childText(d, 'degree-type');
      const sign = alter > 0 ? '#' : alter < 0 ? 'b' : '';
      return type === 'add' ? `add${sign}${value}` : type === 'subtract' ? `no${value}` : `${sign}${value}`;
    });
  const rootAlter = root && childNumber(root, 'root-alter');
  const bassAlter = bass && childNumber(bass, 'bass-alter');
  const symbol = harmonySymbol({
    ...(root ? { rootStep: childText(root, 'root-step') ?? '' } : {}),
    ...(rootAlter !== undefined ? { rootAlter } : {}),
    ...(kind ? { kind: kind.text } : {}),
    ...(kind?.attrs.text !== undefined ? { kindText: kind.attrs.text } : {}),
    ...(bass ? { bassStep: childText(bass, 'bass-step') ?? '' } : {}),
    ...(bassAlter !== undefined ? { bassAlter } : {}),
    degrees,
  });
  return symbol === undefined ? [] : [{ kind: 'chord', symbol }];
}
