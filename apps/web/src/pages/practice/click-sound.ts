import type { Click } from './practice-timing.js';

/**
 * Plays count-in clicks with Web Audio (a short high blip, higher on the downbeat), scheduled on the
 * audio clock so they are steady. Returns a function that silences them. Silent where the browser has
 * no Web Audio: the count-in is also shown, so the take still works.
 */
export function playClicks(clicks: readonly Click[]): () => void {
  if (typeof AudioContext === 'undefined') return () => undefined;
  let context: AudioContext;
  try {
    context = new AudioContext();
  } catch {
    return () => undefined;
  }
  const begin = context.currentTime + 0.05;
  for (const click of clicks) {
    const at = begin + click.at / 1000;
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = click.accent ? 1760 : 1320;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.5, at + 0.002);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.06);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.08);
  }
  return () => void context.close().catch(() => undefined);
}
