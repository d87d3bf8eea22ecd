/**
 * File names for Content-Disposition. A name that came from a request (an upload's file name, a
 * chord symbol) is reduced to a bare, safe stem: no directories, no dots in front, ASCII only.
 */
export function safeFileStem(raw: string, fallback = 'score'): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const stem = base
    .replace(/#/g, 'sharp')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 80);
  return stem || fallback;
}

/** Drops the last extension from an uploaded file name: "song.mid" → "song". */
export function withoutExtension(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** `attachment; filename="…"` for a safe ASCII name. */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName}"`;
}
