/**
 * Why a score could not be engraved: `bad-option` (a page size or scale that does not exist; HTTP 400)
 * or `invalid` (the score cannot be written as MusicXML, or verovio cannot lay it out; HTTP 422).
 */
export class EngravingError extends Error {
  override readonly name = 'EngravingError';
  constructor(
    readonly code: 'bad-option' | 'invalid',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
