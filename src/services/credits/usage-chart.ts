import { Resvg } from '@resvg/resvg-js';

/**
 * A bar chart of credits per day, drawn as SVG and rendered to PNG for a Discord attachment.
 *
 * Text uses the system fonts (resvg's loadSystemFonts; DejaVu Sans on Debian with fonts-dejavu-core).
 * On a machine without any font the bars, axes and grid still render, only the words are missing:
 * resvg skips text it has no glyphs for instead of failing.
 */

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 400;

export interface UsageChartInput {
  title: string;
  days: ReadonlyArray<{ label: string; credits: number }>;
}

const PADDING = { top: 56, right: 24, bottom: 56, left: 64 };
const COLOURS = { background: '#313338', grid: '#4e5058', axis: '#b5bac1', bar: '#5865f2', text: '#f2f3f5' };
// Noto Sans CJK JP draws the Japanese labels where it is installed (fonts-noto-cjk); without it, resvg
// leaves out the glyphs it has no font for.
const FONT = 'DejaVu Sans, Liberation Sans, Noto Sans, Noto Sans CJK JP, Arial, sans-serif';

export function renderUsageChart(input: UsageChartInput): Buffer {
  const svg = usageChartSvg(input);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'original' },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: COLOURS.background,
  });
  return resvg.render().asPng();
}

export function usageChartSvg({ title, days }: UsageChartInput): string {
  const plotWidth = CHART_WIDTH - PADDING.left - PADDING.right;
  const plotHeight = CHART_HEIGHT - PADDING.top - PADDING.bottom;
  const values = days.map((day) => (Number.isFinite(day.credits) && day.credits > 0 ? day.credits : 0));
  const top = niceCeiling(Math.max(0, ...values));
  const baseline = PADDING.top + plotHeight;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}">`,
    `<rect width="100%" height="100%" fill="${COLOURS.background}"/>`,
    text(PADDING.left, 34, escapeXml(title), { size: 20, weight: 'bold' }),
  ];
  const ticks = 4;
  for (let tick = 0; tick <= ticks; tick += 1) {
    const value = (top / ticks) * tick;
    const y = baseline - (plotHeight * tick) / ticks;
    parts.push(line(PADDING.left, y, PADDING.left + plotWidth, y, tick === 0 ? COLOURS.axis : COLOURS.grid));
    parts.push(text(PADDING.left - 8, y + 4, formatNumber(value), { anchor: 'end', size: 12 }));
  }
  parts.push(line(PADDING.left, PADDING.top, PADDING.left, baseline, COLOURS.axis));
  if (days.length > 0) {
    const slot = plotWidth / days.length;
    const barWidth = Math.max(1, slot * 0.7);
    // Label at most ~12 days so the labels never overlap.
    const labelEvery = Math.max(1, Math.ceil(days.length / 12));
    days.forEach((day, index) => {
      const value = values[index] ?? 0;
      const height = top === 0 ? 0 : (plotHeight * value) / top;
      const x = PADDING.left + slot * index + (slot - barWidth) / 2;
      parts.push(
        `<rect x="${round(x)}" y="${round(baseline - height)}" width="${round(barWidth)}" height="${round(height)}" fill="${COLOURS.bar}" rx="2"/>`,
      );
      if (index % labelEvery === 0) {
        parts.push(
          text(x + barWidth / 2, baseline + 20, escapeXml(day.label), { anchor: 'middle', size: 12 }),
        );
      }
    });
  }
  parts.push('</svg>');
  return parts.join('');
}

/** 1, 2, 5 × 10^n at or above `value`, so the axis reads in round numbers. */
function niceCeiling(value: number): number {
  if (value <= 0) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((factor) => factor * magnitude >= value) ?? 10;
  return Math.max(4, step * magnitude);
}

function text(
  x: number,
  y: number,
  content: string,
  options: { size: number; anchor?: 'start' | 'middle' | 'end'; weight?: 'bold' },
): string {
  const weight = options.weight ? ` font-weight="${options.weight}"` : '';
  return `<text x="${round(x)}" y="${round(y)}" font-family="${FONT}" font-size="${options.size}"${weight} fill="${COLOURS.text}" text-anchor="${options.anchor ?? 'start'}">${content}</text>`;
}

function line(x1: number, y1: number, x2: number, y2: number, colour: string): string {
  return `<line x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}" stroke="${colour}" stroke-width="1"/>`;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function round(value: number): string {
  return value.toFixed(1);
}

function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
