/**
 * The bot's event-loop delay and heap, read from its own /metrics: prom-client's default metrics keep
 * a perf_hooks.monitorEventLoopDelay histogram (10 ms resolution; each value is the gap between its
 * ticks, so 10 ms means no delay) and reset it at every scrape, so a scrape before the load and one
 * after it give the delay over exactly the load. Nothing is injected into the production process.
 */

export interface EventLoopDelay {
  p50: number;
  p99: number;
  max: number;
  mean: number;
  /** V8 heap used and total at the scrape, bytes. */
  heapUsed: number;
  heapTotal: number;
}

/** A default metric's value, whatever prefix the bot gives its metrics (percify_bot_). */
const metric = (text: string, name: string): number => {
  const value = new RegExp(`^\\w*${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1];
  return value === undefined ? Number.NaN : Number(value);
};

export async function scrapeEventLoopDelay(metricsUrl: string): Promise<EventLoopDelay> {
  const response = await fetch(`${metricsUrl}/metrics`);
  const text = await response.text();
  const lagMs = (name: string) => metric(text, `nodejs_eventloop_lag_${name}_seconds`) * 1000;
  return {
    p50: lagMs('p50'),
    p99: lagMs('p99'),
    max: lagMs('max'),
    mean: lagMs('mean'),
    heapUsed: metric(text, 'nodejs_heap_size_used_bytes'),
    heapTotal: metric(text, 'nodejs_heap_size_total_bytes'),
  };
}
