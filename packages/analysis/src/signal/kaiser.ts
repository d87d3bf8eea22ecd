/** The zeroth-order modified Bessel function of the first kind, I₀(x), by its power series. */
export function besselI0(x: number): number {
  const q = (x * x) / 4;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 500; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < sum * 1e-16) break;
  }
  return sum;
}

/**
 * The Kaiser window evaluated at offset `t` from its centre, with half-length `half` (zero outside
 * |t| ≤ half). β trades main-lobe width for side-lobe level: β ≈ 8.6 gives ≈ 87 dB stopband.
 */
export function kaiserAt(t: number, half: number, beta: number, i0Beta = besselI0(beta)): number {
  const r = t / half;
  if (r <= -1 || r >= 1) return 0;
  return besselI0(beta * Math.sqrt(1 - r * r)) / i0Beta;
}

/** Stopband attenuation (dB) of a Kaiser-windowed filter with shape β (Kaiser's empirical formula, A > 50). */
export const kaiserAttenuationDb = (beta: number): number => beta / 0.1102 + 8.7;

/**
 * Kaiser's estimate of the filter order for attenuation `attenuationDb` and transition width
 * `transition` (in cycles per sample, 0…0.5).
 */
export const kaiserOrder = (attenuationDb: number, transition: number): number =>
  Math.ceil((attenuationDb - 8) / (2.285 * 2 * Math.PI * transition));
