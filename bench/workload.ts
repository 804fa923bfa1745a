import type { EmulatedMessage, InteractionHandle } from '../sandbox/discord/index.js';
import type { BenchWorld } from './world.js';

/**
 * A community at work: members spread over the guilds send /avatar at a steady rate; some click
 * Reroll on their result and a few animate it. Measures every first answer (INTERACTION_CREATE
 * dispatched -> the accepted callback's request arrives) and how full Percify's plan slots are while
 * jobs wait.
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

type AnyComponent = Record<string, unknown>;

/** Every component of a message at any depth: rows, Components V2 containers and sections. */
function allComponents(message: EmulatedMessage): AnyComponent[] {
  const found: AnyComponent[] = [];
  const visit = (raw: unknown): void => {
    if (typeof raw !== 'object' || raw === null) return;
    const component = raw as AnyComponent;
    found.push(component);
    if (Array.isArray(component.components)) component.components.forEach(visit);
    visit(component.accessory);
  };
  message.components.forEach(visit);
  return found;
}

function buttonId(message: EmulatedMessage, label: string): string | undefined {
  const button = allComponents(message).find((c) => c.label === label && typeof c.custom_id === 'string');
  return button?.custom_id as string | undefined;
}

/** A job reply's title and text: its embed's, or its V2 text displays' ("### ✅ Your avatar" …). */
function shown(message: EmulatedMessage): { title: string; text: string } {
  const texts = allComponents(message)
    .map((c) => c.content)
    .filter((content): content is string => typeof content === 'string');
  const heading = texts.map((t) => t.split('\n')[0] ?? '').find((line) => /^#{1,3} /.test(line));
  return {
    title: message.embeds[0]?.title ?? heading?.replace(/^#+\s*/, '') ?? '',
    text: `${message.embeds[0]?.description ?? ''} ${texts.join(' ')}`,
  };
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
    const handle = send();
    try {
      await handle.response(10_000);
      // Read where Discord would time it: the callback's arrival, before the emulator checks and
      // stores what it says (a V2 card costs the emulator more than "ok"; that is not the bot's time).
      const answeredIn = handle.answeredInMs;
      if (answeredIn === undefined) throw new Error('answered without an accepted callback');
      acks.push(answeredIn);
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
          .waitForEdit(first.id, (m) => /^(✅|❌)/.test(shown(m).title), 120_000)
          .catch(() => undefined);
        if (!done) return;
        finished.push(done);
        const roll = Math.random();
        const reroll = buttonId(done, 'Reroll');
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

/** The replies in every guild's #studio that still say a job is working: title and text, for the report. */
export function stillWorking(world: BenchWorld): string[] {
  const working = /Rendering|Waiting for a free slot|Starting…|Creating|Animating/;
  return world.guilds.flatMap((guild) =>
    world.emulator.driver
      .messages(world.emulator.driver.channelId('studio', guild.id))
      .filter(
        (m) =>
          m.loading ||
          (!/^(✅|❌)/.test(shown(m).title) && working.test(`${shown(m).title} ${shown(m).text}`)),
      )
      .map((m) => (m.loading ? '(loading…)' : `${shown(m).title} ${shown(m).text}`.slice(0, 160))),
  );
}

/** Waits until no reply in any guild's #studio is still working (or the time is up). */
export async function waitUntilQuiet(world: BenchWorld, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (stillWorking(world).length === 0) return true;
    await sleep(250);
  }
  return false;
}
