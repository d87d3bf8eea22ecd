import { VideoError } from './video-error.js';

/** A rectangle in strip pixels (the SVG's own pixel size, before the video's zoom). */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** An element's box and its verovio class (`note`, `rest`, `barLine`, `staff`, …). */
export interface ElementBox extends Box {
  readonly kind: string;
}

/** Where things are on a one-system verovio SVG. */
export interface StripGeometry {
  /** Size of the SVG in its own pixels (`width="…px"` on the root element). */
  readonly width: number;
  readonly height: number;
  /** Bounding box of each element verovio drew with `svgBoundingBoxes`, keyed by element id. */
  readonly boxes: ReadonlyMap<string, ElementBox>;
}

const NUMBER = String.raw`(-?\d+(?:\.\d+)?)`;
const ROOT = new RegExp(String.raw`<svg\b[^>]*?\bwidth="${NUMBER}px"[^>]*?\bheight="${NUMBER}px"`);
const VIEW_BOX = new RegExp(String.raw`<svg\b[^>]*?\bviewBox="${NUMBER} ${NUMBER} ${NUMBER} ${NUMBER}"`);
const PAGE_MARGIN = new RegExp(
  String.raw`<g\b[^>]*class="page-margin"[^>]*transform="translate\(${NUMBER},\s*${NUMBER}\)"`,
);
/** verovio writes `<g id="bbox-ID" class="note bounding-box"><rect x y height width …/>`. */
const BOUNDING_BOX = new RegExp(
  String.raw`<g id="bbox-([^"]+)" class="([^"]*?) ?bounding-box"[^>]*>\s*<rect x="${NUMBER}" y="${NUMBER}" height="${NUMBER}" width="${NUMBER}"`,
  'g',
);

/**
 * Reads the size of a verovio SVG page and the bounding boxes it drew (`svgBoundingBoxes: true`),
 * converted from verovio's units (inside the `definition-scale` viewBox and the `page-margin`
 * translation) to the SVG's pixels. Throws VideoError when the SVG is not shaped as verovio writes it.
 */
export function readStripGeometry(svg: string): StripGeometry {
  const root = ROOT.exec(svg);
  const viewBox = VIEW_BOX.exec(svg);
  if (!root || !viewBox) {
    throw new VideoError('engraving', 'the engraver returned an SVG without a size and a viewBox');
  }
  const width = Number(root[1]);
  const height = Number(root[2]);
  const [vx, vy, vw, vh] = viewBox.slice(1).map(Number) as [number, number, number, number];
  if (!(width > 0 && height > 0 && vw > 0 && vh > 0)) {
    throw new VideoError('engraving', `the engraver returned an SVG of size ${width}×${height}`);
  }
  const margin = PAGE_MARGIN.exec(svg);
  const mx = margin ? Number(margin[1]) : 0;
  const my = margin ? Number(margin[2]) : 0;
  const sx = width / vw;
  const sy = height / vh;
  const boxes = new Map<string, ElementBox>();
  for (const m of svg.matchAll(BOUNDING_BOX)) {
    const [id, kind] = [m[1] as string, m[2] as string];
    const [x, y, h, w] = [Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])];
    boxes.set(id, { kind, x: (x + mx - vx) * sx, y: (y + my - vy) * sy, width: w * sx, height: h * sy });
  }
  return { width, height, boxes };
}

/** The smallest box holding all of `boxes`; undefined for none. */
export function unionBox(boxes: Iterable<Box>): Box | undefined {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const b of boxes) {
    left = Math.min(left, b.x);
    top = Math.min(top, b.y);
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  return left === Infinity ? undefined : { x: left, y: top, width: right - left, height: bottom - top };
}

/** `box` scaled by `zoom` (strip pixels to video pixels). */
export function scaleBox(box: Box, zoom: number): Box {
  return { x: box.x * zoom, y: box.y * zoom, width: box.width * zoom, height: box.height * zoom };
}
