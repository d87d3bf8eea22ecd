import type { Box } from './strip-geometry.js';

/** An RGB colour, 0–255 per channel. */
export type Rgb = readonly [number, number, number];

/**
 * The look of a frame. Highlight colours are warm and the playhead blue, so neither can be mistaken for
 * the black and grey of the engraving (tests find the highlight by its hue).
 */
export interface FrameStyle {
  /** Multiplied over the page around a sounding note: white paper turns this colour, ink stays dark. */
  readonly highlight: Rgb;
  /** The ink of a sounding notehead. */
  readonly noteInk: Rgb;
  readonly playhead: Rgb;
  /** Playhead opacity, 0–1. */
  readonly playheadAlpha: number;
  /** Playhead width in pixels. */
  readonly playheadWidth: number;
  /** Padding around a notehead's box, as a fraction of the notehead's height. */
  readonly highlightPadding: number;
}

export const DEFAULT_FRAME_STYLE: FrameStyle = {
  highlight: [255, 212, 110],
  noteInk: [214, 72, 0],
  playhead: [30, 120, 230],
  playheadAlpha: 0.75,
  playheadWidth: 3,
  highlightPadding: 0.45,
};

/** A frame buffer: packed RGB rows, `width × height × 3` bytes. */
export interface Frame {
  readonly pixels: Uint8Array;
  readonly width: number;
  readonly height: number;
}

interface Rect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

function clip(box: Box, frame: Frame): Rect {
  return {
    left: Math.max(0, Math.floor(box.x)),
    top: Math.max(0, Math.floor(box.y)),
    right: Math.min(frame.width, Math.ceil(box.x + box.width)),
    bottom: Math.min(frame.height, Math.ceil(box.y + box.height)),
  };
}

/**
 * Marks sounding notes. `heads` are notehead boxes in frame pixels. Inside each notehead the ink is
 * recoloured (how dark a pixel is decides how much of `noteInk` it takes, so antialiased edges stay
 * smooth; recolouring twice changes nothing, so overlapping chord notes are safe). Around it a rounded
 * box is multiplied with `highlight`, once per pixel however many boxes overlap there.
 */
export function paintHighlights(frame: Frame, heads: readonly Box[], style = DEFAULT_FRAME_STYLE): void {
  if (heads.length === 0) return;
  const { pixels, width } = frame;
  const [inkR, inkG, inkB] = style.noteInk;
  for (const head of heads) {
    const r = clip(head, frame);
    for (let y = r.top; y < r.bottom; y++) {
      for (let x = r.left, i = (y * width + r.left) * 3; x < r.right; x++, i += 3) {
        const ink = 1 - Math.min(pixels[i] as number, pixels[i + 1] as number, pixels[i + 2] as number) / 255;
        pixels[i] = Math.round(255 + (inkR - 255) * ink);
        pixels[i + 1] = Math.round(255 + (inkG - 255) * ink);
        pixels[i + 2] = Math.round(255 + (inkB - 255) * ink);
      }
    }
  }
  const padded = heads.map((h) => {
    const pad = h.height * style.highlightPadding;
    return { box: { x: h.x - pad, y: h.y - pad, width: h.width + 2 * pad, height: h.height + 2 * pad }, pad };
  });
  let area: Rect = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  for (const { box } of padded) {
    const r = clip(box, frame);
    area = {
      left: Math.min(area.left, r.left),
      top: Math.min(area.top, r.top),
      right: Math.max(area.right, r.right),
      bottom: Math.max(area.bottom, r.bottom),
    };
  }
  const areaWidth = area.right - area.left;
  if (areaWidth <= 0 || area.bottom <= area.top) return;
  const mask = new Uint8Array(areaWidth * (area.bottom - area.top));
  for (const { box, pad } of padded) {
    const r = clip(box, frame);
    const right = box.x + box.width;
    const bottom = box.y + box.height;
    for (let y = r.top; y < r.bottom; y++) {
      const cy = y + 0.5;
      const dy = cy < box.y + pad ? box.y + pad - cy : cy > bottom - pad ? cy - (bottom - pad) : 0;
      for (let x = r.left; x < r.right; x++) {
        const cx = x + 0.5;
        const dx = cx < box.x + pad ? box.x + pad - cx : cx > right - pad ? cx - (right - pad) : 0;
        if (dx * dx + dy * dy <= pad * pad) mask[(y - area.top) * areaWidth + (x - area.left)] = 1;
      }
    }
  }
  const [hr, hg, hb] = style.highlight;
  for (let y = area.top; y < area.bottom; y++) {
    const row = (y - area.top) * areaWidth;
    for (let x = area.left; x < area.right; x++) {
      if (mask[row + x - area.left] === 0) continue;
      const i = (y * width + x) * 3;
      pixels[i] = Math.round(((pixels[i] as number) * hr) / 255);
      pixels[i + 1] = Math.round(((pixels[i + 1] as number) * hg) / 255);
      pixels[i + 2] = Math.round(((pixels[i + 2] as number) * hb) / 255);
    }
  }
}

/** A vertical playhead line centred on `x`, from `top` to `bottom` (frame pixels), blended over the page. */
export function paintPlayhead(
  frame: Frame,
  x: number,
  top: number,
  bottom: number,
  style = DEFAULT_FRAME_STYLE,
): void {
  const { pixels, width } = frame;
  const left = Math.max(0, Math.round(x - style.playheadWidth / 2));
  const right = Math.min(width, left + style.playheadWidth);
  const a = style.playheadAlpha;
  const [pr, pg, pb] = style.playhead;
  for (let y = Math.max(0, Math.round(top)); y < Math.min(frame.height, Math.round(bottom)); y++) {
    for (let px = left, i = (y * width + left) * 3; px < right; px++, i += 3) {
      pixels[i] = Math.round((pixels[i] as number) * (1 - a) + pr * a);
      pixels[i + 1] = Math.round((pixels[i + 1] as number) * (1 - a) + pg * a);
      pixels[i + 2] = Math.round((pixels[i + 2] as number) * (1 - a) + pb * a);
    }
  }
}
