/** Branded unit types: a number that means seconds is not a number that means hertz. */
declare const unit: unique symbol;
type Unit<T extends string> = number & { readonly [unit]: T };

/** Wall-clock time in seconds. */
export type Seconds = Unit<'seconds'>;
/** Frequency in hertz. */
export type Hz = Unit<'hz'>;
/** Pitch difference in cents (1/100 of an equal-tempered semitone). */
export type Cents = Unit<'cents'>;
/** Tempo in quarter-note beats per minute. */
export type Bpm = Unit<'bpm'>;

export const seconds = (x: number): Seconds => x as Seconds;
export const hz = (x: number): Hz => x as Hz;
export const cents = (x: number): Cents => x as Cents;
export const bpm = (x: number): Bpm => x as Bpm;
