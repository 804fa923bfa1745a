import { existsSync } from 'node:fs';
import { z } from 'zod';

/**
 * The bot's whole configuration, read once from the environment (and `.env` when present).
 * Every problem is reported with the variable's name and what it expects, so an operator can fix
 * it without reading code.
 */

export const PERCIFY_PLANS = ['free', 'pro', 'enterprise'] as const;
export type PercifyPlan = (typeof PERCIFY_PLANS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const snowflake = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional()
  .refine((value) => value === undefined || /^\d{17,20}$/.test(value), 'a Discord id (17 to 20 digits)');

const url = (fallback?: string) =>
  z
    .string()
    .trim()
    .transform((value) => (value === '' ? undefined : value))
    .optional()
    .transform((value) => value ?? fallback)
    .refine(
      (value) => value === undefined || URL.canParse(value),
      'a full URL such as https://example.com/v1',
    )
    .transform((value) => (value === undefined ? undefined : value.replace(/\/+$/, '')));

const port = (fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === undefined || value === '' ? String(fallback) : value))
    .refine((value) => /^\d+$/.test(value) && Number(value) <= 65535, 'a port number from 0 to 65535')
    .transform(Number);

const positiveInt = (fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === undefined || value === '' ? String(fallback) : value))
    .refine((value) => /^\d+$/.test(value) && Number(value) > 0, 'a whole number above 0')
    .transform(Number);

const flag = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ?? '').toLowerCase())
  .refine((value) => ['', '0', '1', 'true', 'false', 'yes', 'no'].includes(value), 'true or false')
  .transform((value) => ['1', 'true', 'yes'].includes(value));

const enumOf = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === undefined || value === '' ? fallback : value))
    .refine((value): value is T[number] => (values as readonly string[]).includes(value), {
      error: (issue) => `must be one of ${values.join(', ')}; got "${String(issue.input)}"`,
    });

const REDIS_URL = /^rediss?:\/\//;

const environmentSchema = z.object({
  DISCORD_TOKEN: optionalString,
  DISCORD_CLIENT_ID: snowflake,
  DISCORD_GUILD_ID: snowflake,
  DISCORD_API_URL: url(),
  PERCIFY_API_KEY: optionalString,
  PERCIFY_API_URL: url('https://api.percify.io/v1'),
  PERCIFY_WEBHOOK_SECRET: optionalString,
  PERCIFY_PLAN: enumOf(PERCIFY_PLANS, 'pro'),
  PERCIFY_RATE_LIMIT_PER_MINUTE: positiveInt(60),
  PERCIFY_TIMEOUT_MS: positiveInt(30_000),
  WEBHOOK_HOST: optionalString.transform((value) => value ?? '0.0.0.0'),
  WEBHOOK_PORT: port(3000),
  WEBHOOK_PATH: optionalString
    .transform((value) => value ?? '/webhooks/percify')
    .refine((value) => value.startsWith('/'), 'a path starting with /'),
  WEBHOOKS_DISABLED: flag,
  METRICS_HOST: optionalString.transform((value) => value ?? '127.0.0.1'),
  METRICS_PORT: port(9464),
  ALERT_LOW_CREDITS: positiveInt(100),
  ALERT_PERCIFY_DOWN_SECONDS: positiveInt(300),
  JOB_WAIT_DEADLINE_MINUTES: positiveInt(30),
  JOB_DEADLINE_MARGIN: positiveInt(3),
  JOB_DELIVERY_DEADLINE_MINUTES: positiveInt(15),
  JOB_LATE_WATCH_MINUTES: positiveInt(60),
  ALERT_BOOKS_DIFFER_CREDITS: positiveInt(10),
  DATABASE_URL: optionalString.transform((value) => value ?? 'sqlite://data/bot.sqlite'),
  QUEUE_URL: optionalString.refine(
    (value) => value === undefined || /^rediss?:\/\/./.test(value),
    'a Redis URL such as redis://host:6379',
  ),
  QUEUE_LOCK_SECONDS: positiveInt(10),
  LOG_LEVEL: enumOf(LOG_LEVELS, 'info'),
  SANDBOX_PORT: port(3000),
});

/** Rules across variables, checked once each variable is valid on its own. */
const configSchema = environmentSchema.superRefine((config, context) => {
  // A shared line with a file database would let each process keep its own credits: refused.
  if (config.QUEUE_URL && config.DATABASE_URL.startsWith('sqlite:'))
    context.addIssue({
      code: 'custom',
      path: ['QUEUE_URL'],
      message: 'must be used with a DATABASE_URL that every process shares (redis:// or postgresql://)',
    });
});

export type Config = z.output<typeof environmentSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses a given environment; pure, so tests can pass their own. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = issue.path.join('.');
    const expected = issue.message.startsWith('must be') ? issue.message : `must be ${issue.message}`;
    const got = env[variable];
    return expected.includes('; got') || got === undefined
      ? `${variable} ${expected}`
      : `${variable} ${expected}; got "${got}"`;
  });
  throw new ConfigError(problems);
}

/** Reads `.env` (when present, without overriding what the shell set) and parses the result. */
export function loadConfig(envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env);
}

/**
 * Where the job line lives when several processes share it: QUEUE_URL, or DATABASE_URL itself when
 * that is Redis. Undefined = the embedded default (one process, the line in memory).
 */
export function sharedQueueUrl(config: Pick<Config, 'QUEUE_URL' | 'DATABASE_URL'>): string | undefined {
  return config.QUEUE_URL ?? (REDIS_URL.test(config.DATABASE_URL) ? config.DATABASE_URL : undefined);
}

/** Values that must never reach a log line; used by the logger's redaction list too. */
export const SECRET_VARIABLES = ['DISCORD_TOKEN', 'PERCIFY_API_KEY', 'PERCIFY_WEBHOOK_SECRET'] as const;
