import type { IncomingMessage, ServerResponse } from 'node:http';
import { emulatedMessage } from './api-shapes.js';
import type { EmulatorCore } from './core.js';
import { messageJson } from './http-json.js';
import type { MessageEventKind } from './store.js';
import type { InteractionRecord, StoredMessage } from './types.js';

/** `/_emulator/events`: Server-Sent Events of messages, opened modals and autocomplete results. */
export function openEventStream(
  core: EmulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
  viewerId: string | undefined,
): void {
  const { store } = core;
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const send = (event: string, data: unknown): void => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const visible = (ownerId: string | undefined): boolean =>
    viewerId === undefined || ownerId === undefined || ownerId === viewerId;
  const onMessage = (kind: MessageEventKind, message: StoredMessage): void => {
    if (!visible(message.ephemeralOwnerId)) return;
    send(`message.${kind}`, messageJson(store, emulatedMessage(store, message)));
  };
  const onResponse = (record: InteractionRecord): void => {
    if (viewerId !== undefined && record.userId !== viewerId) return;
    if (record.modal)
      send('modal.opened', { interactionId: record.id, userId: record.userId, modal: record.modal });
    if (record.choices)
      send('autocomplete.result', {
        interactionId: record.id,
        userId: record.userId,
        choices: record.choices,
      });
  };
  // Comments keep proxies and browsers from timing the stream out.
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  store.events.on('message', onMessage);
  store.events.on('response', onResponse);
  req.on('close', () => {
    clearInterval(keepAlive);
    store.events.off('message', onMessage);
    store.events.off('response', onResponse);
  });
}
