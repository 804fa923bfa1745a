/**
 * The bot's event-loop delay, read from its own /metrics: prom-client's default metrics keep a
 * perf_hooks.monitorEventLoopDelay histogram (10 ms resolution) and reset it at every scrape, so a
 * scrape before the load and one after it give the delay over exactly the load. Nothing is injected
 * into the production process to measure it.
 */

export interface EventLoopDelay {
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

const seconds = (text: string, name: string): number => {
  const value = new RegExp(`^\\w*nodejs_eventloop_lag_${name}_seconds(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(
    text,
  )?.[1];
  return value === undefined ? Number.NaN : Number(value) * 1000;
};

export async function scrapeEventLoopDelay(metricsUrl: string): Promise<EventLoopDelay> {
  const response = await fetch(`${metricsUrl}/metrics`);
  const text = await response.text();
  return {
    p50: seconds(text, 'p50'),
    p99: seconds(text, 'p99'),
    max: seconds(text, 'max'),
    mean: seconds(text, 'mean'),
  };
}
