/**
 * Why an export could not be made, in words a musician understands. `code` tells the API which status
 * to answer: `unsupported` 415 (the item holds nothing this format can be made from), `invalid` 422
 * (its score or audio is corrupt or too long), `bad-option` 400 (a quality or page that does not exist).
 */
export class ExportError extends Error {
  override readonly name = 'ExportError';
  constructor(
    readonly code: 'unsupported' | 'invalid' | 'bad-option',
    message: string,
  ) {
    super(message);
  }
}
