import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, sharedQueueUrl } from '../src/config.js';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('configuration', () => {
  it('fills every documented default from an empty environment', () => {
    const config = parseConfig({});
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(config).toMatchObject({
      PERCIFY_API_URL: 'https://api.percify.io/v1',
      PERCIFY_PLAN: 'pro',
      WEBHOOK_HOST: '0.0.0.0',
      WEBHOOK_PORT: 3000,
      WEBHOOK_PATH: '/webhooks/percify',
      WEBHOOKS_DISABLED: false,
      DATABASE_URL: 'sqlite://data/bot.sqlite',
      LOG_LEVEL: 'info',
      PERCIFY_RATE_LIMIT_PER_MINUTE: 60,
    });
  });

  it('shares the job line on Redis only with a database every process shares', () => {
    expect(sharedQueueUrl(parseConfig({}))).toBeUndefined();
    expect(sharedQueueUrl(parseConfig({ DATABASE_URL: 'redis://r:6379/2' }))).toBe('redis://r:6379/2');
    const postgres = { DATABASE_URL: 'postgresql://u@h/db', QUEUE_URL: 'redis://q:6379' };
    expect(sharedQueueUrl(parseConfig(postgres))).toBe('redis://q:6379');
    expect(problemsOf({ QUEUE_URL: 'redis://q:6379' })).toEqual([
      'QUEUE_URL must be used with a DATABASE_URL that every process shares (redis:// or postgresql://); got "redis://q:6379"',
    ]);
    expect(problemsOf({ ...postgres, QUEUE_URL: 'http://q' })).toEqual([
      'QUEUE_URL must be a Redis URL such as redis://host:6379; got "http://q"',
    ]);
  });

  it('names the variable and the allowed values for a wrong plan', () => {
    expect(problemsOf({ PERCIFY_PLAN: 'gold' })).toEqual([
      'PERCIFY_PLAN must be one of free, pro, enterprise; got "gold"',
    ]);
  });

  it('reports every problem at once, each with its variable', () => {
    const problems = problemsOf({
      WEBHOOK_PORT: '99999',
      PERCIFY_API_URL: 'not a url',
      DISCORD_GUILD_ID: '12',
      LOG_LEVEL: 'loud',
      WEBHOOK_PATH: 'hooks',
    });
    expect(problems).toHaveLength(5);
    expect(problems.find((p) => p.startsWith('WEBHOOK_PORT'))).toContain('port number');
    expect(problems.find((p) => p.startsWith('WEBHOOK_PORT'))).toContain('"99999"');
    expect(problems.find((p) => p.startsWith('PERCIFY_API_URL'))).toContain('full URL');
    expect(problems.find((p) => p.startsWith('DISCORD_GUILD_ID'))).toContain('Discord id');
    expect(problems.find((p) => p.startsWith('LOG_LEVEL'))).toContain('one of fatal, error');
    expect(problems.find((p) => p.startsWith('WEBHOOK_PATH'))).toContain('starting with /');
  });

  it('treats empty values as unset and trims trailing slashes from URLs', () => {
    const config = parseConfig({
      DISCORD_TOKEN: '',
      PERCIFY_API_URL: 'http://127.0.0.1:4010/v1/',
      DISCORD_API_URL: 'http://127.0.0.1:4100/api/',
    });
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(config.PERCIFY_API_URL).toBe('http://127.0.0.1:4010/v1');
    expect(config.DISCORD_API_URL).toBe('http://127.0.0.1:4100/api');
  });

  it('never prints a secret value in an error', () => {
    const problems = problemsOf({ PERCIFY_API_KEY: 'sk_live_secret', WEBHOOKS_DISABLED: 'maybe' });
    expect(problems.join('\n')).not.toContain('sk_live_secret');
    expect(problems).toEqual(['WEBHOOKS_DISABLED must be true or false; got "maybe"']);
  });
});
