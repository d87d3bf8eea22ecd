/**
 * The part of verovio 6's JavaScript toolkit (`verovio/esm`) that Cadenza uses, typed. verovio ships no
 * TypeScript declarations; these follow `node_modules/verovio/dist/verovio.mjs` (which JSON-parses the
 * C++ answers) and what verovio 6.3 actually returns. Times are milliseconds of performance time at the
 * score's tempo marks; `qstamp` and friends are quarter notes.
 */

/** Options for `setOptions`/`redoLayout`: verovio's option names (`pageWidth`, `scale`, `font`, …). */
export type VerovioOptions = Readonly<Record<string, string | number | boolean | readonly string[]>>;

/** One moment in `renderToTimemap`: what starts and stops sounding there. */
export interface VerovioTimemapEntry {
  /** Milliseconds from the start. */
  readonly tstamp: number;
  /** Quarter notes from the start. */
  readonly qstamp: number;
  /** SVG ids of the notes that start sounding. */
  readonly on?: readonly string[];
  /** SVG ids of the notes that stop. */
  readonly off?: readonly string[];
  /** With `includeRests`: rests that start and stop. */
  readonly restsOn?: readonly string[];
  readonly restsOff?: readonly string[];
  /** Quarter notes per minute, on the entries where the tempo is set or changes. */
  readonly tempo?: number;
  /** With `includeMeasures`: the SVG id of the measure that starts here. */
  readonly measureOn?: string;
}

export interface VerovioTimemapOptions {
  readonly includeMeasures?: boolean;
  readonly includeRests?: boolean;
}

/** `getElementsAtTime`: what sounds at a moment, and on which page. Empty object past the end. */
export interface VerovioElementsAtTime {
  readonly notes?: readonly string[];
  readonly chords?: readonly string[];
  readonly rests?: readonly string[];
  readonly measure?: string;
  /** 1-based page number. */
  readonly page?: number;
}

/** `getMIDIValuesForElement`: the note as played (ms) and its MIDI key number. */
export interface VerovioMidiValues {
  readonly time: number;
  readonly duration: number;
  readonly pitch: number;
}

/** `getTimesForElement`: onsets and offsets of an element (several with repeats); fractions as [num, den]. */
export interface VerovioElementTimes {
  readonly tstampOn?: readonly number[];
  readonly tstampOff?: readonly number[];
  readonly qfracOn?: readonly (readonly [number, number])[];
  readonly qfracOff?: readonly (readonly [number, number])[];
  readonly qfracDuration?: readonly (readonly [number, number])[];
}

/** A verovio toolkit instance. It is stateful: options and the loaded document persist between calls. */
export interface VerovioToolkit {
  setOptions(options: VerovioOptions): void;
  getOptions(): Record<string, unknown>;
  resetOptions(): void;
  /** Loads MEI, MusicXML, ABC, Humdrum or PAE text; 1 when it loaded, 0 otherwise (the C++ bool). */
  loadData(data: string): number;
  /** Lays out the loaded document again with the current options (e.g. a new page size). */
  redoLayout(options?: VerovioOptions): void;
  getPageCount(): number;
  /** SVG of one page, 1-based. */
  renderToSVG(pageNo?: number, xmlDeclaration?: boolean): string;
  renderToTimemap(options?: VerovioTimemapOptions): readonly VerovioTimemapEntry[];
  /** The loaded document as MEI text. */
  getMEI(options?: VerovioOptions): string;
  /** MIDI of the loaded document, base64. */
  renderToMIDI(): string;
  getElementsAtTime(millisec: number): VerovioElementsAtTime;
  getMIDIValuesForElement(xmlId: string): VerovioMidiValues;
  getTimesForElement(xmlId: string): VerovioElementTimes;
  /** Milliseconds at which an element starts. */
  getTimeForElement(xmlId: string): number;
  /** 1-based page that shows an element; 0 when none does. */
  getPageWithElement(xmlId: string): number;
  /** Messages logged since the last load (only when logging to the buffer is on). */
  getLog(): string;
  getVersion(): string;
  resetXmlIdSeed(seed: number): void;
}

/** What `import('verovio/esm')` gives. */
export interface VerovioEsmModule {
  readonly VerovioToolkit: new (module: unknown) => VerovioToolkit;
  /** Sends log messages to the toolkit's buffer (`getLog`) instead of stderr when `value` is true. */
  readonly enableLogToBuffer: (value: boolean, module: unknown) => void;
  readonly enableLog: (level: number, module: unknown) => void;
  readonly LOG_OFF: number;
  readonly LOG_ERROR: number;
  readonly LOG_WARNING: number;
}

/** What `import('verovio/wasm')` gives: a factory for the WebAssembly module (about 7 MB, inlined). */
export interface VerovioWasmModule {
  readonly default: () => Promise<unknown>;
}
