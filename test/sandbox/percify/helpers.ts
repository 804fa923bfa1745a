import { startPercifySimulator, type PercifySimulatorOptions } from '../../../sandbox/percify/index.js';

export type Simulator = Awaited<ReturnType<typeof startPercifySimulator>>;
export const KEY = 'pk_test_fidelity_0123456789';

export function startSim(options: PercifySimulatorOptions = {}): Promise<Simulator> {
  // A high limit: the helpers poll every 10 ms; the rate-limit test sets its own.
  return startPercifySimulator({
    port: 0,
    speed: 2000,
    apiKey: KEY,
    plan: 'enterprise',
    rateLimitPerMinute: 100_000,
    ...options,
  });
}

export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** One JSON API call with the test key (or `key`), answering status, headers and parsed body. */
export async function call(
  sim: Simulator,
  method: string,
  path: string,
  body?: unknown,
  extra: { key?: string | null; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...extra.headers };
  const key = extra.key === undefined ? KEY : extra.key;
  if (key !== null) headers.authorization = `Bearer ${key}`;
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

export const errorOf = (
  answer: Answer,
): { code?: string; message?: string; details?: Record<string, unknown> } => answer.body.error ?? {};

/** Polls a job until it leaves queued/processing. */
export async function settle(
  sim: Simulator,
  path: string,
  timeoutMs = 20_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await call(sim, 'GET', path);
    const status = answer.body.status;
    if (status === 'completed' || status === 'failed') return answer.body;
    if (Date.now() > deadline) throw new Error(`${path} still ${String(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function completedAvatar(
  sim: Simulator,
  extra: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const created = await call(sim, 'POST', '/avatars/generate', {
    prompt: 'a calm knight',
    model: 'flux',
    ...extra,
  });
  if (created.status !== 200) throw new Error(JSON.stringify(created.body));
  return settle(sim, `/avatars/${String(created.body.id)}`);
}

/** One multipart upload with the test key; `form` is sent as the browser and Node's fetch encode it. */
export async function upload(sim: Simulator, path: string, form: FormData): Promise<Answer> {
  const response = await fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}` },
    body: form,
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

/** A form of text fields and files (`[bytes, filename, type]`). */
export function formOf(
  fields: Record<string, string>,
  files: Record<string, [bytes: Buffer, filename: string, type: string]> = {},
): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const [name, [bytes, filename, type]] of Object.entries(files)) {
    form.append(name, new Blob([bytes], { type }), filename);
  }
  return form;
}
