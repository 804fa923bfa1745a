import { performance } from 'node:perf_hooks';
import type { EmulatedMessage, InteractionHandle } from '../sandbox/discord/index.js';
import type { BenchWorld } from './world.js';

/**
 * A community at work: members spread over the guilds send /avatar at a steady rate; some click
 * Reroll on their result and a few animate it. Measures every first answer (INTERACTION_CREATE
 * dispatched -> callback received) and how full Percify's plan slots are while jobs wait.
 */

export interface WorkloadOptions {
  commands: number;
  seconds: number;
  /** Prompt prefix, so phases can tell their jobs apart. */
  tag: string;
  rerollShare: number;
  animateShare: number;
  /** Bare-bot runs only measure ACKs; nothing is waited for. */
  followUp: boolean;
}

export interface WorkloadResult {
  acks: number[];
  unanswered: number;
  /** First answers that started a job (commands and Reroll clicks). */
  started: number;
  /** Plan-slot use, sampled while more jobs were outstanding than the plan has slots. */
  utilisation: number[];
  finished: EmulatedMessage[];
}

const PLAN_SLOTS = 3; // pro
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function buttonId(message: EmulatedMessage, label: string): string | undefined {
  for (const row of message.components) {
    if (!('components' in row)) continue;
    for (const component of row.components) {
      if ('custom_id' in component && 'label' in component && component.label === label)
        return component.custom_id;
    }
  }
  return undefined;
}

export async function runWorkload(world: BenchWorld, options: WorkloadOptions): Promise<WorkloadResult> {
  const { driver } = world.emulator;
  const acks: number[] = [];
  let unanswered = 0;
  let started = 0;
  const finished: EmulatedMessage[] = [];
  const members = world.guilds.flatMap((guild) =>
    guild.members.map((member) => ({ guild: guild.id, member })),
  );

  const timed = async (send: () => InteractionHandle): Promise<InteractionHandle | undefined> => {
    const at = performance.now();
    const handle = send();
    try {
      await handle.response(10_000);
      acks.push(performance.now() - at);
      return handle;
    } catch {
      unanswered++;
      return undefined;
    }
  };

  // Work is queued when more jobs are outstanding than the plan has slots: then every slot should be busy.
  const settled = () =>
    world.percify.avatars().filter((a) => a.status === 'completed' || a.status === 'failed').length +
    world.percify.videos().filter((v) => v.status === 'completed' || v.status === 'failed').length;
  const settledBefore = settled();
  const utilisation: number[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      if (started - (settled() - settledBefore) > PLAN_SLOTS)
        utilisation.push(Math.min(1, world.percify.inFlight() / PLAN_SLOTS));
      await sleep(25);
    }
  })();

  const gap = (options.seconds * 1000) / options.commands;
  const flows: Promise<void>[] = [];
  for (let n = 0; n < options.commands; n++) {
    const { guild, member } = members[n % members.length]!;
    flows.push(
      (async () => {
        const handle = await timed(() =>
          driver.runCommand({
            user: member,
            guild,
            channel: 'studio',
            name: 'avatar',
            options: { prompt: `${options.tag} ${n}`, model: 'flux', variations: 1, seed: n },
          }),
        );
        if (!handle || !options.followUp) return;
        started++;
        const first = await handle.reply(10_000);
        const done = await driver
          .waitForEdit(first.id, (m) => /^(✅|❌)/.test(m.embeds[0]?.title ?? ''), 120_000)
          .catch(() => undefined);
        if (!done) return;
        finished.push(done);
        const roll = Math.random();
        const reroll = buttonId(done, '🔁 Reroll');
        if (roll < options.rerollShare && reroll) {
          const click = await timed(() =>
            driver.clickButton({ message: done, customId: reroll, user: member }),
          );
          if (click) started++;
        } else if (roll < options.rerollShare + options.animateShare) {
          const avatar = world.percify.avatars().find((a) => a.prompt === `${options.tag} ${n}`);
          if (avatar) {
            const animate = await timed(() =>
              driver.runCommand({
                user: member,
                guild,
                channel: 'studio',
                name: 'animate',
                options: { avatar: avatar.id, duration: 5 },
              }),
            );
            if (animate) started++;
          }
        }
      })(),
    );
    await sleep(gap * (0.5 + Math.random()));
  }
  await Promise.all(flows);
  sampling = false;
  await sampler;
  return { acks, unanswered, started, utilisation, finished };
}

/** Waits until no reply in any guild's #studio is still working (or the time is up). */
export async function waitUntilQuiet(world: BenchWorld, timeoutMs: number): Promise<boolean> {
  const working = /Rendering|Waiting for a free slot|Starting…|Creating|Animating/;
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const busy = world.guilds.some((guild) =>
      world.emulator.driver
        .messages(world.emulator.driver.channelId('studio', guild.id))
        .some(
          (m) =>
            m.loading ||
            (!/^(✅|❌)/.test(m.embeds[0]?.title ?? '') &&
              working.test(`${m.embeds[0]?.title ?? ''} ${m.embeds[0]?.description ?? ''}`)),
        ),
    );
    if (!busy) return true;
    await sleep(250);
  }
  return false;
}
