// verovio ships no type declarations; these cover the part of its browser API the studio uses.
declare module 'verovio/wasm' {
  /** Instantiates the engraver's WebAssembly module (inlined in this file; about 7 MB). */
  export default function createVerovioModule(options?: Record<string, unknown>): Promise<unknown>;
}

declare module 'verovio/esm' {
  export class VerovioToolkit {
    constructor(module: unknown);
    setOptions(options: Record<string, unknown>): void;
    loadData(data: string): boolean;
    redoLayout(options?: Record<string, unknown>): void;
    getPageCount(): number;
    renderToSVG(page?: number, xmlDeclaration?: boolean): string;
    renderToTimemap(options?: Record<string, unknown>): unknown;
    getPageWithElement(xmlId: string): number;
    /** A note's MIDI values: pitch (MIDI number), time and duration in ms. */
    getMIDIValuesForElement(xmlId: string): { pitch?: number; time?: number; duration?: number };
    getLog(): string;
    destroy(): void;
  }
}
