/**
 * Rewrites of verovio's SVG for renderers with partial CSS support. verovio styles its drawing with a
 * stylesheet scoped to the root id (`#abc path {stroke:currentColor}`): staff lines, stems and bar lines
 * are paths with a stroke-width but no stroke attribute, so a renderer that skips the rule draws them
 * not at all or as hairlines. svg-to-pdfkit understands only simple selectors (`path`, `g.tempo`).
 */

const STYLE_ELEMENT = /<style\b[^>]*>([\s\S]*?)<\/style>/g;

/** Drops `<style>` elements holding `@font-face` rules (fonts are supplied to the renderer instead). */
export function withoutFontFaces(svg: string): string {
  return svg.replace(STYLE_ELEMENT, (element, css: string) => (css.includes('@font-face') ? '' : element));
}

/**
 * Removes the root-id scope from verovio's rules (`#abc g.tempo` → `g.tempo`), which means the same in a
 * one-page document, so simple-selector CSS engines apply them: strokes on every path, bold tempo
 * marks, italic directions.
 */
export function withUnscopedCss(svg: string): string {
  return svg.replace(STYLE_ELEMENT, (element: string) =>
    element.replace(/#[A-Za-z_][\w-]*\s+(?=[A-Za-z.])/g, ''),
  );
}

/**
 * verovio puts a `<title>` naming the role ("title", "composer") inside header text for tooltips;
 * resvg lays such text out off-centre, and printed pages need no tooltips.
 */
export function withoutLabelTitles(svg: string): string {
  return svg.replace(/<title class="labelAttr">[^<]*<\/title>/g, '');
}

/**
 * Scales the words (every `<tspan>` with a size but no font family of its own; music-font glyphs name
 * their family) by `factor`. verovio places words by Times metrics, so a wider text font overruns the
 * space verovio left (a tempo mark running into a note); `TextFontFiles.sizeAdjust` is the factor that
 * gives the text font Times's widths.
 */
export function withTextSizeAdjust(svg: string, factor: number): string {
  if (factor === 1) return svg;
  return svg.replace(/<tspan\b[^>]*>/g, (tag) => {
    if (tag.includes('font-family=')) return tag;
    return tag.replace(
      /\sfont-size="([\d.]+)px"/,
      (_m, size: string) => ` font-size="${Number((Number(size) * factor).toFixed(1))}px"`,
    );
  });
}

/**
 * Names the text font on every word `<tspan>` (those with a size but no family of their own). resvg
 * shapes a `<text>` that mixes words with a music-font glyph (a tempo mark: "Allegro con brio ♩ = 176")
 * with the music font's narrow space between the words ("Allegrocon brio") unless the words name their
 * family themselves.
 */
export function withTextFamily(svg: string, family: string | undefined): string {
  if (family === undefined) return svg;
  // resvg's font database knows a condensed face by its family and stretch ("DejaVu Serif", condensed).
  const condensed = / Condensed$/.test(family);
  const name = family.replace(/ Condensed$/, '').replace(/["<>&]/g, '');
  const attributes = `font-family="${name}"${condensed ? ' font-stretch="condensed"' : ''}`;
  return svg.replace(/<tspan\b[^>]*>/g, (tag) =>
    tag.includes('font-family=') || !tag.includes('font-size=')
      ? tag
      : tag.replace(/^<tspan\b/, `<tspan ${attributes}`),
  );
}

/**
 * What resvg needs: fonts supplied separately (as files), no tooltip titles, words sized for (and set in)
 * the text font.
 */
export function resvgReadySvg(svg: string, textSizeAdjust = 1, textFamily?: string): string {
  return withTextFamily(
    withTextSizeAdjust(withoutLabelTitles(withoutFontFaces(svg)), textSizeAdjust),
    textFamily,
  );
}

/** What svg-to-pdfkit needs: as for resvg, plus unscoped CSS. */
export function pdfReadySvg(svg: string, textSizeAdjust = 1): string {
  return withUnscopedCss(resvgReadySvg(svg, textSizeAdjust));
}

/**
 * Sets the root `<svg>`'s width and height to the paper's size in millimetres (its viewBox stays), so
 * the page displays and prints at its real size and renderers know its physical size.
 */
export function withPaperSize(svg: string, widthMm: number, heightMm: number): string {
  const mm = (value: number): string => `${Number(value.toFixed(2))}mm`;
  return svg.replace(/<svg\b[^>]*>/, (root) => {
    const bare = root.replace(/\s(?:width|height)="[^"]*"/g, '');
    return bare.replace(/^<svg\b/, `<svg width="${mm(widthMm)}" height="${mm(heightMm)}"`);
  });
}
