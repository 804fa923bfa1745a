import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { DiscordEmulator } from '../../sandbox/discord/index.js';
import { startStack, Teardown } from '../../sandbox/stack.js';

describe('Teardown', () => {
  it('stops the last started first, once, and keeps going past a failing step', async () => {
    const stopped: string[] = [];
    const errors: unknown[] = [];
    const teardown = new Teardown((error) => errors.push(error));
    teardown.add(async () => stopped.push('emulator'));
    teardown.add(async () => {
      throw new Error('simulator would not close');
    });
    teardown.add(async () => stopped.push('bot'));
    await Promise.all([teardown.run(), teardown.run()]);
    expect(stopped).toEqual(['bot', 'emulator']);
    expect(errors).toHaveLength(1);
  });
});

describe('startStack', () => {
  it('stops the emulator again when the simulator cannot start', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const address = taken.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    let emulator: DiscordEmulator | undefined;
    try {
      await expect(
        startStack({
          botToken: 'stack-test-token',
          guilds: [{ name: 'G', channels: [{ name: 'general' }], members: [] }],
          commands: 'first-guild',
          onEmulatorListening: (started) => (emulator = started),
          percify: { port, host: '127.0.0.1' },
        }),
      ).rejects.toThrow();
      expect(emulator).toBeDefined();
      await expect(fetch(`${emulator!.apiUrl}/gateway`)).rejects.toThrow();
    } finally {
      taken.close();
    }
  });
});
