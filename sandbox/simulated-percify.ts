import { randomBytes } from 'node:crypto';
import { startApp } from '../src/app.js';
import { parseConfig, type Config } from '../src/config.js';
import type { Logger } from '../src/logger.js';
import { SIMULATED_RESULT_NOTE, type Running } from '../src/sandbox-mode.js';
import { startPercifySimulator } from './percify/index.js';
import { Teardown } from './stack.js';

/**
 * The real Discord with an in-process simulator answering for Percify and signing its webhooks
 * (DISCORD_TOKEN set, no PERCIFY_API_KEY). No emulator, so it does not go through the offline stack
 * builder, but it unwinds the same way: what started is stopped last first, on failure too.
 */
export async function startWithSimulatedPercify(
  config: Config,
  logger: Logger,
  speed: number,
): Promise<Running> {
  const teardown = new Teardown((error) => logger.warn({ err: error }, 'stopping a part failed'));
  try {
    const secret = config.PERCIFY_WEBHOOK_SECRET ?? randomBytes(24).toString('hex');
    const percify = await startPercifySimulator({
      port: 0,
      speed,
      plan: config.PERCIFY_PLAN,
      logger: logger.child({ component: 'percify-simulator' }),
    });
    teardown.add(() => percify.close());
    const simulated = parseConfig({
      ...configAsEnv(config),
      PERCIFY_API_KEY: 'simulated',
      PERCIFY_API_URL: percify.url,
      PERCIFY_WEBHOOK_SECRET: secret,
    });
    const app = await startApp({
      config: simulated,
      logger,
      percifySpeed: speed,
      resultNote: SIMULATED_RESULT_NOTE,
    });
    teardown.add(() => app.stop());
    // The listener may bind 0.0.0.0; the simulator, in this process, reaches it on loopback.
    if (app.webhookUrl) percify.setWebhook(app.webhookUrl.replace('//0.0.0.0:', '//127.0.0.1:'), secret);
    return { stop: () => teardown.run() };
  } catch (error) {
    await teardown.run();
    throw error;
  }
}

/** Turns a parsed config back into variables, so one field can be overridden and parsed again. */
export function configAsEnv(config: Config): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    if (value !== undefined) env[key] = String(value);
  }
  return env;
}
