/**
 * Exact rational numbers for musical time. Positions and durations are measured in quarter-note
 * beats, so a triplet eighth is exactly 1/3 and a dotted eighth exactly 3/4.
 */
export interface Rational {
  /** Numerator; carries the sign. */
  readonly n: number;
  /** Denominator; always a positive integer, coprime with `n`. */
  readonly d: number;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** Builds n/d in lowest terms. Throws on a zero or non-integer denominator. */
export function rat(n: number, d = 1): Rational {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) {
    throw new RangeError(`rational parts must be safe integers, got ${n}/${d}`);
  }
  if (d === 0) throw new RangeError('rational denominator cannot be zero');
  const g = gcd(n, d) || 1;
  const sign = d < 0 ? -1 : 1;
  return { n: (sign * n) / g + 0, d: (sign * d) / g };
}

export const ZERO: Rational = rat(0);
export const ONE: Rational = rat(1);

export function add(a: Rational, b: Rational): Rational {
  return rat(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Rational, b: Rational): Rational {
  return rat(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function mul(a: Rational, b: Rational): Rational {
  return rat(a.n * b.n, a.d * b.d);
}

export function div(a: Rational, b: Rational): Rational {
  if (b.n === 0) throw new RangeError('division of a rational by zero');
  return rat(a.n * b.d, a.d * b.n);
}

export function neg(a: Rational): Rational {
  return rat(-a.n, a.d);
}

/** -1, 0 or 1 as a is less than, equal to, or greater than b. */
export function compare(a: Rational, b: Rational): number {
  return Math.sign(a.n * b.d - b.n * a.d);
}

export const eq = (a: Rational, b: Rational): boolean => a.n === b.n && a.d === b.d;
export const lt = (a: Rational, b: Rational): boolean => compare(a, b) < 0;
export const lte = (a: Rational, b: Rational): boolean => compare(a, b) <= 0;
export const gt = (a: Rational, b: Rational): boolean => compare(a, b) > 0;
export const gte = (a: Rational, b: Rational): boolean => compare(a, b) >= 0;
export const min = (a: Rational, b: Rational): Rational => (lte(a, b) ? a : b);
export const max = (a: Rational, b: Rational): Rational => (gte(a, b) ? a : b);
export const isZero = (a: Rational): boolean => a.n === 0;
export const isInteger = (a: Rational): boolean => a.d === 1;

export function toNumber(a: Rational): number {
  return a.n / a.d;
}

/** Largest integer not greater than a. */
export function floor(a: Rational): number {
  return Math.floor(a.n / a.d);
}

/**
 * The closest rational to x whose denominator divides `maxDenominator`'s grid, found by rounding to
 * that grid. Used where performed or tick-based time becomes notation.
 */
export function fromNumber(x: number, denominator: number): Rational {
  return rat(Math.round(x * denominator), denominator);
}

export function formatRational(a: Rational): string {
  return a.d === 1 ? String(a.n) : `${a.n}/${a.d}`;
}

/** Parses "3", "3/2" or "-1/3". */
export function parseRational(text: string): Rational {
  const m = /^\s*(-?\d+)(?:\s*\/\s*(\d+))?\s*$/.exec(text);
  if (!m) throw new SyntaxError(`'${text}' is not a rational number such as 3/2`);
  return rat(Number(m[1]), m[2] === undefined ? 1 : Number(m[2]));
}

export function sum(values: readonly Rational[]): Rational {
  return values.reduce(add, ZERO);
}
