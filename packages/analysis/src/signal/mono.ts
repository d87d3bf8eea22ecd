/**
 * Down-mix to mono by averaging the channels. A single channel is returned as it is (not copied).
 * Throws on no channels or channels of different lengths: a decoder that hands over ragged channels
 * has a bug worth hearing about.
 */
export function toMono(channels: readonly Float32Array[]): Float32Array {
  const first = channels[0];
  if (!first) throw new RangeError('toMono: no channels');
  if (channels.length === 1) return first;
  const n = first.length;
  for (const ch of channels) {
    if (ch.length !== n) {
      throw new RangeError(`toMono: channels differ in length (${n} and ${ch.length} samples)`);
    }
  }
  const out = new Float32Array(n);
  const scale = 1 / channels.length;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (const ch of channels) sum += ch[i] as number;
    out[i] = sum * scale;
  }
  return out;
}
