import { InteractionResponseType } from 'discord-api-types/v10';
import type { APIInteraction } from 'discord-api-types/v10';
import { emulatedMessage } from './api-shapes.js';
import type { EmulatorCore } from './core.js';
import type { EmulatedMessage, InteractionRecord, InteractionResponse, StoredMessage } from './types.js';

/** What a test holds after triggering an interaction: await the bot's answer, then its visible message. */

const DEFAULT_TIMEOUT_MS = 5000;

/**
 * Which store events can change a wait's answer. A wait on one message or one interaction ignores
 * every other's: a load with hundreds of replies being waited for would otherwise re-check all of
 * them on every edit, which is the emulator's time and lands on every answer it times.
 */
export interface WakeOn {
  message?: (message: StoredMessage) => boolean;
  response?: (record: InteractionRecord) => boolean;
}

const WAKE_ON_ANYTHING: WakeOn = { message: () => true, response: () => true };

export function waitFor<T>(
  core: EmulatorCore,
  check: () => T | undefined,
  timeoutMs: number,
  what: string,
  wakeOn: WakeOn = WAKE_ON_ANYTHING,
): Promise<T> {
  const now = check();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const events = core.store.events;
    const onChange = (): void => {
      const value = check();
      if (value === undefined) return;
      cleanup();
      resolve(value);
    };
    const onMessage = (_kind: unknown, message: StoredMessage): void => {
      if (wakeOn.message?.(message)) onChange();
    };
    const onResponse = (record: InteractionRecord): void => {
      if (wakeOn.response?.(record)) onChange();
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      events.off('message', onMessage);
      events.off('response', onResponse);
    };
    if (wakeOn.message) events.on('message', onMessage);
    if (wakeOn.response) events.on('response', onResponse);
  });
}

export class InteractionHandle {
  constructor(
    private readonly core: EmulatorCore,
    readonly record: InteractionRecord,
  ) {}

  get id(): string {
    return this.record.id;
  }

  get token(): string {
    return this.record.token;
  }

  get interaction(): APIInteraction {
    return this.record.payload;
  }

  /** Milliseconds from the gateway dispatch to the arrival of the bot's accepted callback, once answered. */
  get answeredInMs(): number | undefined {
    const arrived = this.record.callbackArrivedAt;
    return arrived === undefined ? undefined : arrived - this.record.sentAt;
  }

  /** The callback the bot sent: its type and the message, modal or choices that came with it. */
  response(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<InteractionResponse> {
    return waitFor(
      this.core,
      () => (this.record.acknowledged ? this.describe() : undefined),
      timeoutMs,
      `the bot to answer interaction ${this.record.id}`,
      { response: (record) => record === this.record },
    );
  }

  /**
   * The message the invoking user ends up seeing: the reply itself, a deferred reply once edited, or the
   * component's message after an update.
   */
  async reply(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<EmulatedMessage> {
    const response = await this.response(timeoutMs);
    const id = this.record.originalMessageId;
    if (!id)
      throw new Error(
        `Interaction ${this.record.id} was answered with type ${response.type}, which has no message`,
      );
    const settled = (message: StoredMessage): boolean => {
      if (response.type === InteractionResponseType.DeferredChannelMessageWithSource)
        return !isLoading(message);
      if (response.type === InteractionResponseType.DeferredMessageUpdate)
        return (
          message.deleted ||
          message.history.length > (this.record.sourceRevisionsAtAck ?? message.history.length)
        );
      return true;
    };
    return waitFor(
      this.core,
      () => {
        const message = this.core.store.messages.get(id);
        return message && settled(message) ? emulatedMessage(this.core.store, message) : undefined;
      },
      timeoutMs,
      `the final reply to interaction ${this.record.id}`,
      { message: (message) => message.id === id },
    );
  }

  followUps(): EmulatedMessage[] {
    return this.record.followUpIds.flatMap((id) => {
      const message = this.core.store.messages.get(id);
      return message ? [emulatedMessage(this.core.store, message)] : [];
    });
  }

  private describe(): InteractionResponse {
    const type = this.record.responseType ?? 0;
    const message = this.record.originalMessageId
      ? this.core.store.messages.get(this.record.originalMessageId)
      : undefined;
    return {
      type,
      ...(message && type !== InteractionResponseType.Modal
        ? { message: emulatedMessage(this.core.store, message) }
        : {}),
      ...(this.record.modal ? { modal: this.record.modal } : {}),
      ...(this.record.choices ? { choices: this.record.choices } : {}),
    };
  }
}

function isLoading(message: StoredMessage): boolean {
  return (message.flags & 128) !== 0;
}
