import { createHash } from 'node:crypto';
import { Resvg } from '@resvg/resvg-js';
import type { AvatarModel, StylePreset } from '../types.js';

/**
 * Draws a stylised portrait as SVG and rasterises it with resvg. Everything (palette, hair, eyes,
 * background shapes) comes from a hash of (prompt, seed, model, style), so the same request always
 * gives the same bytes, and the prompt excerpt and seed are printed on the image so a person can tell
 * results apart.
 */

export interface AvatarImageSpec {
  prompt: string;
  seed: number;
  model: AvatarModel;
  stylePreset: StylePreset | null;
  width: number;
  height: number;
}

const FONT_FAMILY = 'DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif';

/** Palettes per style preset: [background from, background to, accent, clothing]. */
const STYLE_PALETTES: Record<
  StylePreset | 'none',
  { hues: [number, number]; saturation: number; light: number }
> = {
  none: { hues: [0, 360], saturation: 55, light: 45 },
  professional: { hues: [200, 230], saturation: 25, light: 40 },
  anime: { hues: [300, 360], saturation: 70, light: 72 },
  fantasy: { hues: [250, 300], saturation: 60, light: 35 },
  cyberpunk: { hues: [280, 330], saturation: 95, light: 25 },
  renaissance: { hues: [25, 45], saturation: 45, light: 30 },
  realistic: { hues: [20, 60], saturation: 20, light: 55 },
};

const SKIN_TONES = ['#f6d7c3', '#eac0a0', '#d9a27e', '#b97b56', '#8d5a3c', '#5f3b27'];

function seededRandom(spec: AvatarImageSpec): () => number {
  const digest = createHash('sha256')
    .update(`${spec.prompt}\u0000${spec.seed}\u0000${spec.model}\u0000${spec.stylePreset ?? ''}`)
    .digest();
  let state = digest.readUInt32LE(0) ^ digest.readUInt32LE(4);
  // mulberry32: small, fast and good enough for picking shapes and colours.
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

function excerpt(prompt: string, max: number): string {
  const flat = prompt.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

export function buildAvatarSvg(spec: AvatarImageSpec, withText: boolean): string {
  const random = seededRandom(spec);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const palette = STYLE_PALETTES[spec.stylePreset ?? 'none'];
  const hue = palette.hues[0] + random() * (palette.hues[1] - palette.hues[0]);
  const hsl = (h: number, s: number, l: number) => `hsl(${Math.round(h % 360)},${s}%,${l}%)`;
  const { width: w, height: h } = spec;
  const unit = Math.min(w, h) / 1024;
  const cx = w / 2;
  const headY = h * 0.42;
  const skin = pick(SKIN_TONES);
  const hair = hsl(hue + 180 * random(), 40 + random() * 40, 15 + random() * 30);
  const eye = hsl(hue + 120, 60, 35);
  const cloth = hsl(hue + 40 + random() * 60, palette.saturation, Math.max(15, palette.light - 10));
  const parts: string[] = [];
  parts.push(
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">` +
      `<stop offset="0" stop-color="${hsl(hue, palette.saturation, palette.light)}"/>` +
      `<stop offset="1" stop-color="${hsl(hue + 50, palette.saturation, Math.max(8, palette.light - 20))}"/>` +
      `</linearGradient></defs>`,
    `<rect width="${w}" height="${h}" fill="url(#bg)"/>`,
  );
  // Background bokeh: a different scatter per seed.
  for (let i = 0; i < 14; i++) {
    const r = (20 + random() * 90) * unit;
    parts.push(
      `<circle cx="${(random() * w).toFixed(1)}" cy="${(random() * h).toFixed(1)}" r="${r.toFixed(1)}" ` +
        `fill="${hsl(hue + random() * 120, palette.saturation, 70)}" opacity="${(0.08 + random() * 0.2).toFixed(2)}"/>`,
    );
  }
  const headRx = 150 * unit;
  const headRy = 190 * unit;
  // Shoulders and neck.
  parts.push(
    `<path d="M ${cx - 330 * unit} ${h} Q ${cx - 300 * unit} ${headY + 260 * unit} ${cx} ${headY + 250 * unit} ` +
      `Q ${cx + 300 * unit} ${headY + 260 * unit} ${cx + 330 * unit} ${h} Z" fill="${cloth}"/>`,
    `<rect x="${cx - 55 * unit}" y="${headY + 120 * unit}" width="${110 * unit}" height="${140 * unit}" fill="${skin}"/>`,
  );
  // Hair behind the head: long or short.
  const longHair = random() > 0.5;
  parts.push(
    longHair
      ? `<path d="M ${cx - headRx * 1.25} ${headY + 260 * unit} Q ${cx - headRx * 1.5} ${headY - headRy * 1.4} ${cx} ${headY - headRy * 1.2} ` +
          `Q ${cx + headRx * 1.5} ${headY - headRy * 1.4} ${cx + headRx * 1.25} ${headY + 260 * unit} Z" fill="${hair}"/>`
      : `<ellipse cx="${cx}" cy="${headY - headRy * 0.35}" rx="${headRx * 1.12}" ry="${headRy * 0.85}" fill="${hair}"/>`,
    `<ellipse cx="${cx}" cy="${headY}" rx="${headRx}" ry="${headRy}" fill="${skin}"/>`,
    `<path d="M ${cx - headRx * 1.05} ${headY - headRy * 0.35} Q ${cx} ${headY - headRy * 1.35} ${cx + headRx * 1.05} ${headY - headRy * 0.35} ` +
      `Q ${cx + headRx * 0.3} ${headY - headRy * (0.7 + random() * 0.2)} ${cx - headRx * 1.05} ${headY - headRy * 0.35} Z" fill="${hair}"/>`,
  );
  // Eyes, brows, nose and mouth; anime gets big eyes and blush.
  const eyeScale = spec.stylePreset === 'anime' ? 1.6 : 1;
  for (const side of [-1, 1]) {
    const ex = cx + side * headRx * 0.42;
    const ey = headY - headRy * 0.05;
    parts.push(
      `<ellipse cx="${ex}" cy="${ey}" rx="${26 * unit * eyeScale}" ry="${16 * unit * eyeScale}" fill="#fff"/>`,
      `<circle cx="${ex}" cy="${ey}" r="${11 * unit * eyeScale}" fill="${eye}"/>`,
      `<circle cx="${ex}" cy="${ey}" r="${5 * unit * eyeScale}" fill="#111"/>`,
      `<path d="M ${ex - 30 * unit} ${ey - 32 * unit * eyeScale} Q ${ex} ${ey - (44 + random() * 10) * unit * eyeScale} ${ex + 30 * unit} ${ey - 32 * unit * eyeScale}" ` +
        `stroke="${hair}" stroke-width="${8 * unit}" fill="none" stroke-linecap="round"/>`,
    );
    if (spec.stylePreset === 'anime') {
      parts.push(
        `<ellipse cx="${ex + side * 10 * unit}" cy="${ey + 55 * unit}" rx="${24 * unit}" ry="${10 * unit}" fill="#ff8fa3" opacity="0.5"/>`,
      );
    }
  }
  const smile = (10 + random() * 30) * unit;
  parts.push(
    `<path d="M ${cx} ${headY + 10 * unit} L ${cx - 12 * unit} ${headY + 60 * unit} L ${cx + 6 * unit} ${headY + 62 * unit}" ` +
      `stroke="#00000055" stroke-width="${5 * unit}" fill="none" stroke-linejoin="round"/>`,
    `<path d="M ${cx - 50 * unit} ${headY + 105 * unit} Q ${cx} ${headY + 105 * unit + smile} ${cx + 50 * unit} ${headY + 105 * unit}" ` +
      `stroke="#8a3b3b" stroke-width="${8 * unit}" fill="none" stroke-linecap="round"/>`,
  );
  if (spec.stylePreset === 'cyberpunk') {
    parts.push(
      `<rect x="${cx - headRx * 0.85}" y="${headY - headRy * 0.17}" width="${headRx * 1.7}" height="${36 * unit}" rx="${14 * unit}" fill="#00f0ff" opacity="0.75"/>`,
    );
  }
  if (withText) {
    const band = 96 * unit;
    const size = Math.max(12, Math.round(30 * unit));
    parts.push(
      `<rect x="0" y="${h - band}" width="${w}" height="${band}" fill="#000" opacity="0.45"/>`,
      `<text x="${24 * unit}" y="${h - band + size * 1.3}" font-family="${FONT_FAMILY}" font-size="${size}" fill="#fff">` +
        `${escapeXml(excerpt(spec.prompt, Math.floor(w / (size * 0.62))))}</text>`,
      `<text x="${24 * unit}" y="${h - band + size * 2.6}" font-family="${FONT_FAMILY}" font-size="${Math.round(size * 0.8)}" fill="#ddd">` +
        `${escapeXml(`seed ${spec.seed} · ${spec.model}${spec.stylePreset ? ` · ${spec.stylePreset}` : ''}`)}</text>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${parts.join('')}</svg>`;
}

let fontsChecked: boolean | undefined;

/** resvg silently skips text when no font is installed; find out once so the image has no empty band. */
export function systemFontsRender(): boolean {
  if (fontsChecked !== undefined) return fontsChecked;
  const probe = `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30"><text x="2" y="24" font-family="${FONT_FAMILY}" font-size="24" fill="#000">Ag</text></svg>`;
  const rendered = new Resvg(probe, { font: { loadSystemFonts: true } }).render();
  const pixels = rendered.pixels;
  let inked = false;
  for (let i = 3; i < pixels.length; i += 4) {
    if ((pixels[i] ?? 0) > 0) {
      inked = true;
      break;
    }
  }
  fontsChecked = inked;
  return inked;
}

/** The full-size PNG and a 256-px-wide thumbnail. */
export function renderAvatarPngs(spec: AvatarImageSpec): { image: Buffer; thumbnail: Buffer } {
  const withText = systemFontsRender();
  const svg = buildAvatarSvg(spec, withText);
  const font = { loadSystemFonts: withText };
  const image = new Resvg(svg, { font, fitTo: { mode: 'original' } }).render().asPng();
  const thumbnail = new Resvg(svg, { font, fitTo: { mode: 'width', value: 256 } }).render().asPng();
  return { image, thumbnail };
}
