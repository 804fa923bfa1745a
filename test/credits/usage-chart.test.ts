import { describe, expect, it } from 'vitest';
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  renderUsageChart,
  usageChartSvg,
} from '../../src/services/credits/usage-chart.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function readIhdr(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('usage chart', () => {
  it('renders a PNG of the expected size', () => {
    const days = Array.from({ length: 30 }, (_, index) => ({
      label: `11-${String(index + 1).padStart(2, '0')}`,
      credits: (index * 7) % 50,
    }));
    const png = renderUsageChart({ title: 'Credits per day — <Test & Co>', days });
    expect(readIhdr(png)).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
    expect(png.length).toBeGreaterThan(1000);
  });

  it('renders an empty or all-zero period without failing', () => {
    expect(readIhdr(renderUsageChart({ title: 'Nothing yet', days: [] }))).toEqual({
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
    });
    expect(readIhdr(renderUsageChart({ title: 'Zero', days: [{ label: 'a', credits: 0 }] })).width).toBe(
      CHART_WIDTH,
    );
  });

  it('draws one bar per day, taller for more credits, and escapes text', () => {
    const svg = usageChartSvg({
      title: 'a<b',
      days: [
        { label: 'x', credits: 10 },
        { label: 'y', credits: 40 },
      ],
    });
    const heights = [
      ...svg.matchAll(/<rect x="[^"]+" y="[^"]+" width="[^"]+" height="([^"]+)" fill="#5865f2"/g),
    ].map((m) => Number(m[1]));
    expect(heights).toHaveLength(2);
    expect(heights[1]).toBeGreaterThan(heights[0] ?? 0);
    expect(svg).toContain('a&#60;b');
    expect(svg).not.toContain('a<b');
  });
});
