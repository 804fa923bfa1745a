import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';

export interface PortraitInput {
  prompt: string;
  seed: number;
  model: string;
  stylePreset: string | null;
  width: number;
  height: number;
}

const escapeXml = (text: string): string => text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);

/** A stylised portrait whose colours and shapes come from a hash of the inputs: same input, same picture. */
export function portraitSvg(input: PortraitInput): string {
  const hash = createHash('sha256')
    .update(`${input.prompt}|${input.seed}|${input.model}|${input.stylePreset ?? ''}`)
    .digest();
  const byte = (i: number): number => hash[i % hash.length] ?? 0;
  const hue = (i: number): number => Math.round((byte(i) / 255) * 360);
  const { width: w, height: h } = input;
  const unit = Math.min(w, h);
  const cx = w / 2;
  const cy = h * 0.45;
  const face = unit * (0.22 + byte(5) / 2550);
  const skin = `hsl(${20 + (byte(6) % 25)}, 45%, ${45 + (byte(7) % 35)}%)`;
  const hair = `hsl(${hue(8)}, 55%, ${20 + (byte(9) % 40)}%)`;
  const eye = `hsl(${hue(10)}, 70%, 35%)`;
  const excerpt = escapeXml(input.prompt.length > 40 ? `${input.prompt.slice(0, 39)}…` : input.prompt);
  const font = Math.max(10, Math.round(unit / 28));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
<stop offset="0" stop-color="hsl(${hue(0)}, 60%, 55%)"/><stop offset="1" stop-color="hsl(${hue(1)}, 60%, 25%)"/>
</linearGradient></defs>
<rect width="${w}" height="${h}" fill="url(#bg)"/>
<circle cx="${w * (byte(2) / 255)}" cy="${h * (byte(3) / 255)}" r="${unit * 0.3}" fill="hsl(${hue(4)}, 70%, 70%)" opacity="0.25"/>
<ellipse cx="${cx}" cy="${h * 0.95}" rx="${face * 1.9}" ry="${face * 1.3}" fill="hsl(${hue(11)}, 45%, 40%)"/>
<rect x="${cx - face * 0.35}" y="${cy + face * 0.8}" width="${face * 0.7}" height="${face * 0.7}" fill="${skin}"/>
<ellipse cx="${cx}" cy="${cy - face * 0.25}" rx="${face * 1.12}" ry="${face * 1.2}" fill="${hair}"/>
<ellipse cx="${cx}" cy="${cy}" rx="${face * 0.9}" ry="${face * 1.1}" fill="${skin}"/>
<circle cx="${cx - face * 0.35}" cy="${cy - face * 0.1}" r="${face * 0.12}" fill="white"/>
<circle cx="${cx + face * 0.35}" cy="${cy - face * 0.1}" r="${face * 0.12}" fill="white"/>
<circle cx="${cx - face * 0.35}" cy="${cy - face * 0.1}" r="${face * 0.06}" fill="${eye}"/>
<circle cx="${cx + face * 0.35}" cy="${cy - face * 0.1}" r="${face * 0.06}" fill="${eye}"/>
<path d="M ${cx - face * 0.3} ${cy + face * 0.45} Q ${cx} ${cy + face * (0.5 + byte(12) / 900)} ${cx + face * 0.3} ${cy + face * 0.45}" stroke="hsl(0, 50%, 35%)" stroke-width="${Math.max(2, face * 0.05)}" fill="none"/>
<rect x="0" y="${h - font * 3.2}" width="${w}" height="${font * 3.2}" fill="black" opacity="0.45"/>
<text x="${font}" y="${h - font * 1.8}" font-family="DejaVu Sans, sans-serif" font-size="${font}" fill="white">${excerpt}</text>
<text x="${font}" y="${h - font * 0.6}" font-family="DejaVu Sans, sans-serif" font-size="${Math.round(font * 0.8)}" fill="#ddd">${escapeXml(`${input.model} · ${input.stylePreset ?? 'no style'} · seed ${input.seed}`)}</text>
</svg>`;
}

// Loading every system font costs more than drawing the portrait (12 ms a render against 5 ms with one
// file, measured), so the one face the SVG names is loaded alone when it is where Debian puts it.
const DEJAVU_SANS = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
].find((path) => existsSync(path));
const FONTS: ResvgRenderOptions['font'] = DEJAVU_SANS
  ? { loadSystemFonts: false, fontFiles: [DEJAVU_SANS], defaultFontFamily: 'DejaVu Sans' }
  : { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' };

/**
 * PNG at `width` pixels wide (default: the SVG's own size), drawn on libuv's thread pool: a render
 * takes milliseconds of CPU, and on the main thread it stalled the simulator, and the emulator and
 * everything else sharing its process, for as long.
 */
export async function renderPortraitPng(input: PortraitInput, width?: number): Promise<Buffer> {
  const image = await renderAsync(portraitSvg(input), {
    font: FONTS,
    ...(width !== undefined ? { fitTo: { mode: 'width' as const, value: Math.round(width) } } : {}),
  });
  return image.asPng();
}
