import { describe, expect, it } from 'vitest';
import { withTextFamily } from '../src/engraving/svg-style.js';

// A tempo mark as verovio writes it: words, a music-font note glyph, words.
const TEMPO =
  '<text x="2693" y="1578" font-size="0px"><tspan class="text"><tspan font-size="405px">Allegro con brio </tspan></tspan>' +
  '<tspan class="rend"><tspan class="text"><tspan font-family="Leipzig" font-size="720px">\uE1D5</tspan></tspan></tspan>' +
  '<tspan class="text"><tspan font-size="405px"> = 176</tspan></tspan></text>';

describe('withTextFamily', () => {
  it('names the text font on the words only, never on the music-font glyph or the size-less wrappers', () => {
    const out = withTextFamily(TEMPO, 'DejaVu Serif');
    expect(out.match(/<tspan font-family="DejaVu Serif" font-size="405px">/g)).toHaveLength(2);
    expect(out).toContain('<tspan font-family="Leipzig" font-size="720px">');
    expect(out.match(/<tspan class="text">/g)).toHaveLength(3);
    expect(out).toContain('>Allegro con brio <');
  });

  it('names a condensed face by its family and stretch, as the font database knows it', () => {
    const out = withTextFamily(TEMPO, 'DejaVu Serif Condensed');
    expect(out.match(/font-family="DejaVu Serif" font-stretch="condensed" font-size="405px"/g)).toHaveLength(
      2,
    );
  });

  it('leaves the SVG alone when no text font is installed', () => {
    expect(withTextFamily(TEMPO, undefined)).toBe(TEMPO);
  });
});
