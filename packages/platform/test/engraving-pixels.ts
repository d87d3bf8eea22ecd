// Pixel checks for the engraving tests: decode PNG (ours) and PGM (pdftoppm), measure ink, and tell a
// real glyph from the hollow rectangle a renderer draws for a glyph its font lacks.
import { spawnSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';

/** A greyscale picture, one byte per pixel (0 black … 255 white). */
export interface Grey {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/** Decodes an 8-bit, non-interlaced PNG (what resvg writes) to grey, compositing alpha onto white. */
export function decodePng(png: Uint8Array): Grey {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  let colourType = -1;
  const idat: Uint8Array[] = [];
  while (offset < png.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('only 8-bit non-interlaced PNG');
      colourType = data[9] ?? -1;
    } else if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const channels = PNG_CHANNELS[colourType];
  if (!channels) throw new Error(`unsupported PNG colour type ${colourType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const a = x >= channels ? (rows[y * stride + x - channels] ?? 0) : 0;
      const b = y > 0 ? (rows[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= channels && y > 0 ? (rows[(y - 1) * stride + x - channels] ?? 0) : 0;
      let predicted = 0;
      if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      rows[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    const grey =
      channels >= 3
        ? 0.299 * (rows[p] ?? 0) + 0.587 * (rows[p + 1] ?? 0) + 0.114 * (rows[p + 2] ?? 0)
        : (rows[p] ?? 0);
    const alpha =
      channels === 4 ? (rows[p + 3] ?? 255) / 255 : channels === 2 ? (rows[p + 1] ?? 255) / 255 : 1;
    pixels[i] = Math.round(grey * alpha + 255 * (1 - alpha));
  }
  return { width, height, pixels };
}

/** Parses a binary PGM (P5, what `pdftoppm -gray` writes). */
export function decodePgm(bytes: Uint8Array): Grey {
  const header = Buffer.from(bytes.subarray(0, 64)).toString('latin1');
  const match = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!match) throw new Error('not a binary PGM');
  const width = Number(match[1]);
  const height = Number(match[2]);
  return { width, height, pixels: bytes.subarray(match[0].length, match[0].length + width * height) };
}

const DARK = 128;

/** Fraction of pixels darker than mid-grey. */
export function inkFraction(image: Grey): number {
  let dark = 0;
  for (const p of image.pixels) if (p < DARK) dark++;
  return dark / image.pixels.length;
}

export type GlyphShape = 'blank' | 'hollow-box' | 'glyph';

/**
 * What a lone glyph rendered as: nothing, the hollow rectangle fonts draw for a missing glyph (.notdef:
 * ink along all four edges of its bounding box, nothing inside), or a real glyph. A ♭, ♯ or ♩ never
 * fills all four edges of its box: a flat's top is only its stem, a note's top only its stem.
 */
export function glyphShape(image: Grey): GlyphShape {
  const { width, height, pixels } = image;
  const dark = (x: number, y: number): boolean => (pixels[y * width + x] ?? 255) < DARK;
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!dark(x, y)) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  if (right < 0) return 'blank';
  const w = right - left + 1;
  const h = bottom - top + 1;
  // Ink along an edge: any dark pixel within 2 px of the edge line, per position along it.
  const rowCoverage = (y0: number, step: number): number => {
    let hits = 0;
    for (let x = left; x <= right; x++) {
      if ([0, 1, 2].some((d) => dark(x, y0 + step * d))) hits++;
    }
    return hits / w;
  };
  const columnCoverage = (x0: number, step: number): number => {
    let hits = 0;
    for (let y = top; y <= bottom; y++) {
      if ([0, 1, 2].some((d) => dark(x0 + step * d, y))) hits++;
    }
    return hits / h;
  };
  const edges = [
    rowCoverage(top, 1),
    rowCoverage(bottom, -1),
    columnCoverage(left, 1),
    columnCoverage(right, -1),
  ];
  let inside = 0;
  let insideDark = 0;
  for (let y = top + Math.ceil(h * 0.25); y <= bottom - Math.ceil(h * 0.25); y++) {
    for (let x = left + Math.ceil(w * 0.25); x <= right - Math.ceil(w * 0.25); x++) {
      inside++;
      if (dark(x, y)) insideDark++;
    }
  }
  const hollow = inside > 0 && insideDark / inside < 0.05;
  return edges.every((e) => e > 0.8) && hollow && w > 3 && h > 3 ? 'hollow-box' : 'glyph';
}

/** True when a command-line tool runs (`tool -v` or `--version` exits). */
export function hasTool(tool: string, versionFlag = '-v'): boolean {
  const run = spawnSync(tool, [versionFlag], { encoding: 'utf8' });
  return !run.error;
}

/** Runs a tool and returns stdout as bytes; throws with its stderr when it fails. */
export function runTool(tool: string, args: readonly string[], input?: Uint8Array): Buffer {
  const run = spawnSync(tool, args, { input, maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${run.stderr.toString()}`);
  return run.stdout;
}
