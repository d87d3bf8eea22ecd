/**
 * A file name for an export made from a title: letters (any script), digits, spaces, `-`, `_`, `.`,
 * `(` and `)` kept; everything else (slashes, quotes, control characters) becomes `_`; at most 100
 * characters; `untitled` when nothing is left. Never a path.
 */
export function exportBaseName(title: string): string {
  const cleaned = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 100)
    .trim();
  return cleaned === '' ? 'untitled' : cleaned;
}

/**
 * `base.ext`, or `base-2.ext`, `base-3.ext`… when `taken` already holds the name (case-insensitive); an
 * empty extension gives a folder name (`base`, `base-2`…). The name is added to `taken`.
 */
export function uniqueFileName(base: string, extension: string, taken: Set<string>): string {
  const dotExt = extension === '' ? '' : `.${extension}`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}${dotExt}` : `${base}-${n}${dotExt}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}
