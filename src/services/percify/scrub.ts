/**
 * Removes a secret from text before it can reach an error message, a log line or error details.
 * A server that echoes the Authorization header back must not leak the key through us.
 */
export function scrubSecret(text: string, secret: string): string {
  if (secret === '' || !text.includes(secret)) return text;
  return text.split(secret).join('[redacted]');
}
