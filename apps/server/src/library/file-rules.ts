/**
 * What an uploaded file is called, what it is to its item, and its media type. Everything here comes
 * from the client and is only ever stored as text: no file name from a request becomes a path.
 */

/** Extension → [role, media type] for the files Cadenza makes and reads. */
const KNOWN_EXTENSIONS: Record<string, readonly [string, string]> = {
  musicxml: ['musicxml', 'application/vnd.recordare.musicxml+xml'],
  xml: ['musicxml', 'application/vnd.recordare.musicxml+xml'],
  mxl: ['mxl', 'application/vnd.recordare.musicxml'],
  mid: ['midi', 'audio/midi'],
  midi: ['midi', 'audio/midi'],
  wav: ['audio', 'audio/wav'],
  mp3: ['audio', 'audio/mpeg'],
  flac: ['audio', 'audio/flac'],
  ogg: ['audio', 'audio/ogg'],
  m4a: ['audio', 'audio/mp4'],
  pdf: ['pdf', 'application/pdf'],
  png: ['image', 'image/png'],
  svg: ['image', 'image/svg+xml'],
  mp4: ['video', 'video/mp4'],
  zip: ['archive', 'application/zip'],
  json: ['data', 'application/json'],
  txt: ['text', 'text/plain'],
};

const ROLE = /^[a-z][a-z0-9_-]{0,31}$/;
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;
const GENERIC_FIELDS = new Set(['file', 'files']);
const GENERIC_TYPES = new Set(['application/octet-stream', 'binary/octet-stream']);

const extensionOf = (fileName: string) => {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
};

/**
 * The name to store and later offer in Content-Disposition: the last path segment only, without
 * control characters, at most 200 characters; `file` when nothing is left (e.g. `..`).
 */
export function storedFileName(raw: string): string {
  const base = (raw.split(/[/\\]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200);
  return /^\.*$/.test(base) ? 'file' : base;
}

/**
 * The file's role in its item: the multipart field name when it names one (`midi`, `audio`, …),
 * else inferred from the extension (`song.mid` → `midi`), else `file`.
 */
export function fileRole(fieldName: string, fileName: string): string {
  const field = fieldName.toLowerCase();
  if (!GENERIC_FIELDS.has(field) && ROLE.test(field)) return field;
  return KNOWN_EXTENSIONS[extensionOf(fileName)]?.[0] ?? 'file';
}

/**
 * The media type to store and serve: the client's when it is a specific, well-formed type; else the
 * one its extension implies; else application/octet-stream.
 */
export function fileMediaType(declared: string | undefined, fileName: string): string {
  const type = (declared ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (MEDIA_TYPE.test(type) && !GENERIC_TYPES.has(type)) return type;
  return KNOWN_EXTENSIONS[extensionOf(fileName)]?.[1] ?? 'application/octet-stream';
}
