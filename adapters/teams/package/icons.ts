// The Teams app icons, drawn in code so they can be rebuilt without an image editor:
// color.png (192x192, the symbol in white on the accent colour) and outline.png (32x32, the
// symbol in white on a transparent background, as Teams requires). The symbol is a tick in a
// ring: "in criteria". Shapes are distance functions, supersampled for smooth edges.
import { encodePng } from './png.ts';

export const ACCENT = '#2E7D5B';

type Point = readonly [number, number];

const distanceToSegment = ([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
};

/** Is this point (in the symbol's unit square) inked? */
function inSymbol(p: Point): boolean {
  const ring = Math.abs(Math.hypot(p[0] - 0.5, p[1] - 0.5) - 0.42) <= 0.05;
  const tick =
    Math.min(distanceToSegment(p, [0.29, 0.52], [0.44, 0.67]), distanceToSegment(p, [0.44, 0.67], [0.72, 0.35])) <=
    0.055;
  return ring || tick;
}

/** Coverage (0..1) of each pixel of a size x size symbol box, 4x4 samples a pixel. */
function coverage(size: number): Float64Array {
  const out = new Float64Array(size * size);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < n; sy++)
        for (let sx = 0; sx < n; sx++) if (inSymbol([(x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size])) hits++;
      out[y * size + x] = hits / (n * n);
    }
  }
  return out;
}

const rgb = (hex: string): [number, number, number] =>
  [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/** 192x192: accent background, white symbol in the central 120x120 (Teams keeps the middle 96-120 px clear of cropping). */
export function colorIcon(): Buffer {
  const size = 192;
  const box = 120;
  const offset = (size - box) / 2;
  const cover = coverage(box);
  const [r, g, b] = rgb(ACCENT);
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inside = x >= offset && x < offset + box && y >= offset && y < offset + box;
      const c = inside ? cover[(y - offset) * box + (x - offset)]! : 0;
      const at = (y * size + x) * 4;
      pixels[at] = Math.round(r + (255 - r) * c);
      pixels[at + 1] = Math.round(g + (255 - g) * c);
      pixels[at + 2] = Math.round(b + (255 - b) * c);
      pixels[at + 3] = 255;
    }
  }
  return encodePng(size, size, pixels);
}

/** 32x32: white symbol, transparent everywhere else. */
export function outlineIcon(): Buffer {
  const size = 32;
  const cover = coverage(size);
  const pixels = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    pixels.set([255, 255, 255, Math.round(255 * cover[i]!)], i * 4);
  }
  return encodePng(size, size, pixels);
}
