import type { ScoreMetadata } from '@cadenza/core';

/**
 * Chord-symbol suffixes are written to MusicXML as chart text ("m7b5", "7#11"). verovio draws ♭ and ♯
 * in chord symbols with its music font, but only for the Unicode signs, so an alteration before a
 * degree becomes the sign: "m7b5" → "m7♭5". Only `<kind text="…">` is touched; the root and bass
 * alterations are numbers (`root-alter`) that verovio already draws as signs.
 */
export function withChordSigns(musicXml: string): string {
  return musicXml.replace(
    /(<kind\b[^>]*\btext=")([^"]*)(")/g,
    (_match, open: string, text: string, close: string) =>
      `${open}${text.replace(/b(?=\d)/g, '♭').replace(/#(?=\d)/g, '♯')}${close}`,
  );
}

/**
 * Drops MusicXML `<credit>` elements (our writer puts the subtitle there). verovio builds its page
 * header either from credits or from the MEI title statement, not both; `withTitleHeader` prints every
 * credit the score has, so the credits would only hide the title and composer.
 */
export function withoutCredits(musicXml: string): string {
  return musicXml.replace(/\s*<credit\b[^>]*>[\s\S]*?<\/credit>/g, '');
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * verovio prints a page header (title centred, subtitle under it, composer on the right) from the MEI
 * `titleStmt`, but its MusicXML import files the composer where the header does not look. This rewrites
 * the `titleStmt` of the MEI verovio made from our MusicXML so every credit the score has is printed.
 */
export function withTitleHeader(mei: string, metadata: ScoreMetadata): string {
  const parts: string[] = [];
  if (metadata.title) parts.push(`<title>${escapeXml(metadata.title)}</title>`);
  if (metadata.subtitle) parts.push(`<title type="subtitle">${escapeXml(metadata.subtitle)}</title>`);
  const credits = [
    metadata.composer,
    metadata.arranger ? `arr. ${metadata.arranger}` : undefined,
    metadata.lyricist ? `words: ${metadata.lyricist}` : undefined,
  ].filter((c): c is string => Boolean(c));
  if (credits.length > 0) parts.push(`<composer>${escapeXml(credits.join(', '))}</composer>`);
  if (parts.length === 0) parts.push('<title/>');
  const titleStmt = parts.join('');
  return mei.replace(
    /<titleStmt([^>]*)>[\s\S]*?<\/titleStmt>/,
    (_match, attributes: string) => `<titleStmt${attributes}>${titleStmt}</titleStmt>`,
  );
}
