import { createLogger } from '../../src/logger.js';
import { startPercifySimulator } from './index.js';

/** `npm run sim`: a Percify simulator for manual runs and the offline sandbox. */

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`${name} must be a number; got "${raw}"`);
    process.exit(1);
  }
  return value;
}

function planFromEnv(): 'free' | 'pro' | 'enterprise' {
  const raw = (process.env.PERCIFY_PLAN ?? '').trim() || 'pro';
  if (raw === 'free' || raw === 'pro' || raw === 'enterprise') return raw;
  console.error(`PERCIFY_PLAN must be free, pro or enterprise; got "${raw}"`);
  process.exit(1);
}

const blockedWords = (process.env.PERCIFY_SIM_BLOCKED_WORDS ?? 'gore,beheading')
  .split(',')
  .map((word) => word.trim())
  .filter(Boolean);

const simulator = await startPercifySimulator({
  port: numberFromEnv('PERCIFY_SIM_PORT', 4010),
  host: process.env.PERCIFY_SIM_HOST?.trim() || '127.0.0.1',
  apiKey: process.env.PERCIFY_SIM_API_KEY?.trim() || undefined,
  webhookUrl: process.env.PERCIFY_SIM_WEBHOOK_URL?.trim() || undefined,
  webhookSecret: process.env.PERCIFY_WEBHOOK_SECRET?.trim() || undefined,
  plan: planFromEnv(),
  speed: numberFromEnv('PERCIFY_SIM_SPEED', 1) || 1,
  initialCredits: numberFromEnv('PERCIFY_SIM_CREDITS', 10_000),
  blockedWords,
  logger: createLogger({ level: process.env.LOG_LEVEL ?? 'info', pretty: process.stdout.isTTY }),
});

console.log(`Percify simulator listening on ${simulator.url}`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} received, stopping the Percify simulator`);
  await simulator.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
