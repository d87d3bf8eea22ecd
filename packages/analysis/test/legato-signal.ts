/** Synthetic legato lines for the note segmentation tests: slurs, tongued repeats, re-bowings, glides. */
export const RATE = 22_050;
const hz = (midi: number) => 440 * 2 ** ((midi - 69) / 12);

/** One stretch of a legato line: a pitch (MIDI) held for `seconds`, with optional vibrato. */
export interface Stretch {
  readonly midi: number;
  readonly seconds: number;
  /** Vibrato depth (cents) and rate (Hz). */
  readonly vibrato?: readonly [number, number];
  /** Re-articulated: the tone restarts with a fresh phase, through a level dip of `dipSeconds`. */
  readonly restart?: boolean;
  /** Re-bowed: the level steps down to `stepGain` in 40 ms, stays 100 ms, swells back over 200 ms. */
  readonly rebow?: boolean;
  /** Slurred in with a glide: the pitch slides from the previous stretch's over this many seconds. */
  readonly glide?: number;
}

/**
 * A wind-like tone (6 harmonics, 30 ms attack, 40 ms release) playing `stretches` back to back. Between
 * stretches the phase runs on (a slurred note change) unless the next one restarts: then the level dips
 * to `dipGain` over `dipSeconds` and the new note begins at an unrelated phase, as a tongued repeat does.
 */
export function legato(
  stretches: readonly Stretch[],
  { dipSeconds = 0.03, dipGain = 0.5, stepGain = 0.35, tremolo = [0, 0] as readonly [number, number] } = {},
): { audio: Float32Array; starts: number[] } {
  const lead = 0.2;
  const total = lead + stretches.reduce((s, x) => s + x.seconds, 0) + 0.3;
  const audio = new Float32Array(Math.round(total * RATE));
  const starts: number[] = [];
  let t0 = lead;
  let phase = 0;
  const end = total - 0.3;
  for (const [index, stretch] of stretches.entries()) {
    starts.push(t0);
    if (stretch.restart && index > 0) phase = 1.9 + index; // a fresh, unrelated phase
    const first = Math.round(t0 * RATE);
    const count = Math.round(stretch.seconds * RATE);
    for (let i = 0; i < count; i++) {
      const t = t0 + i / RATE;
      const local = i / RATE;
      const [depth, rate] = stretch.vibrato ?? [0, 0];
      const previous = stretches[index - 1]?.midi ?? stretch.midi;
      const slide = stretch.glide ? Math.min(1, local / stretch.glide) : 1;
      const midi = previous + (stretch.midi - previous) * slide;
      const f = hz(midi) * 2 ** ((depth * Math.sin(2 * Math.PI * rate * local)) / 1200);
      let gain = Math.min(1, (t - lead) / 0.03) * Math.min(1, Math.max(0, (end - t) / 0.04));
      // A re-articulation's dip: down to dipGain and back, a V over dipSeconds centred on the start.
      if (stretch.restart && index > 0 && local < dipSeconds / 2) {
        gain *= dipGain + (1 - dipGain) * (local / (dipSeconds / 2));
      }
      const next = stretches[index + 1];
      if (next?.restart && stretch.seconds - local < dipSeconds / 2) {
        gain *= dipGain + (1 - dipGain) * ((stretch.seconds - local) / (dipSeconds / 2));
      }
      if (next?.rebow && stretch.seconds - local < 0.04)
        gain *= 1 - (1 - stepGain) * (1 - (stretch.seconds - local) / 0.04);
      if (stretch.rebow && index > 0) {
        gain *= local < 0.1 ? stepGain : stepGain + (1 - stepGain) * Math.min(1, (local - 0.1) / 0.2);
      }
      // A fresh bow stroke swells before its vibrato (and the level's sway with it) comes back.
      const swaying = !(stretch.rebow && index > 0 && local < 0.12);
      if (swaying) gain *= 1 - tremolo[0] * (0.5 - 0.5 * Math.cos(2 * Math.PI * tremolo[1] * t));
      let v = 0;
      for (let k = 1; k <= 6; k++) v += Math.sin(k * phase) / k;
      audio[first + i] = 0.25 * gain * v;
      phase += (2 * Math.PI * f) / RATE;
      if (phase > 2 * Math.PI) phase -= 2 * Math.PI;
    }
    t0 += stretch.seconds;
  }
  return { audio, starts };
}
