import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';

/** Default tile width in video pixels: wider than any view, so a frame needs at most two tiles. */
const TILE_WIDTH = 2048;
/** Tiles kept in memory; the window only moves right, so two would do and three spares a re-render. */
const TILE_CACHE = 3;

export interface StripRasterOptions {
  /** The one-system SVG (bounding-box groups already removed). */
  readonly svg: string;
  /** Video pixels per SVG pixel. */
  readonly zoom: number;
  /** resvg's font settings: where the music font and the text font come from. */
  readonly font: NonNullable<ResvgRenderOptions['font']>;
  readonly tileWidth?: number;
}

/**
 * The engraved strip as RGB pixels at the video's scale, rendered lazily in vertical tiles: a long
 * piece is a strip over 100 000 pixels wide, which as one RGBA image would be hundreds of megabytes,
 * so only the tiles under the current view exist at any time. The SVG is parsed once; each tile is the
 * same tree cropped to its columns (`cropByBBox`), so tiles join without seams.
 */
export interface StripRaster {
  /** Size of the whole strip in video pixels. */
  readonly width: number;
  readonly height: number;
  /**
   * Copies strip columns `scrollX … scrollX + frameWidth − 1` into rows `top …` of an RGB frame that
   * is `frameWidth` pixels wide. Columns outside the strip are left as they are (the background).
   */
  blit(frame: Uint8Array, frameWidth: number, top: number, scrollX: number): void;
  /** How many tiles have been rendered so far (for measurements). */
  readonly tilesRendered: number;
}

export function createStripRaster(options: StripRasterOptions): StripRaster {
  const { zoom } = options;
  const tileWidth = options.tileWidth ?? TILE_WIDTH;
  const resvg = new Resvg(options.svg, {
    fitTo: { mode: 'zoom', value: zoom },
    background: 'white',
    font: options.font,
    logLevel: 'off',
  });
  const svgWidth = resvg.width;
  const svgHeight = resvg.height;
  const width = Math.ceil(svgWidth * zoom);
  const height = Math.ceil(svgHeight * zoom);
  const cache = new Map<number, Uint8Array>();
  let tilesRendered = 0;

  const renderTile = (index: number): Uint8Array => {
    const left = index * tileWidth;
    const columns = Math.min(tileWidth, width - left);
    const box = resvg.getBBox();
    if (!box) throw new Error('the engraved strip has nothing to draw');
    box.x = left / zoom;
    box.y = 0;
    box.width = columns / zoom;
    box.height = svgHeight;
    resvg.cropByBBox(box);
    const image = resvg.render();
    const rgba = image.pixels;
    const rgb = new Uint8Array(columns * height * 3).fill(255);
    const copyColumns = Math.min(columns, image.width);
    const copyRows = Math.min(height, image.height);
    for (let y = 0; y < copyRows; y++) {
      let from = y * image.width * 4;
      let to = y * columns * 3;
      for (let x = 0; x < copyColumns; x++, from += 4, to += 3) {
        rgb[to] = rgba[from] as number;
        rgb[to + 1] = rgba[from + 1] as number;
        rgb[to + 2] = rgba[from + 2] as number;
      }
    }
    tilesRendered++;
    return rgb;
  };

  const tile = (index: number): Uint8Array => {
    let pixels = cache.get(index);
    if (pixels) {
      cache.delete(index); // re-insert: Map order is least recently used first
    } else {
      pixels = renderTile(index);
      if (cache.size >= TILE_CACHE) cache.delete(cache.keys().next().value as number);
    }
    cache.set(index, pixels);
    return pixels;
  };

  const blit = (frame: Uint8Array, frameWidth: number, top: number, scrollX: number): void => {
    const scroll = Math.round(scrollX);
    const from = Math.max(0, scroll);
    const to = Math.min(width, scroll + frameWidth);
    const frameHeight = Math.floor(frame.length / (frameWidth * 3));
    const rows = Math.min(height, frameHeight - top);
    for (let x = from; x < to;) {
      const index = Math.floor(x / tileWidth);
      const tileLeft = index * tileWidth;
      const tileColumns = Math.min(tileWidth, width - tileLeft);
      const end = Math.min(to, tileLeft + tileColumns);
      const pixels = tile(index);
      const span = (end - x) * 3;
      for (let y = Math.max(0, -top); y < rows; y++) {
        const source = (y * tileColumns + (x - tileLeft)) * 3;
        const target = ((top + y) * frameWidth + (x - scroll)) * 3;
        frame.set(pixels.subarray(source, source + span), target);
      }
      x = end;
    }
  };

  return {
    width,
    height,
    blit,
    get tilesRendered() {
      return tilesRendered;
    },
  };
}
