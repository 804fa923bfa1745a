import { readFileSync } from 'node:fs';

/**
 * Where a V8 CPU profile (`node --cpu-prof`, a .cpuprofile JSON) spent its time: self time per sample
 * (from timeDeltas, which are exact where hitCount × interval is not), summed by function and by
 * module (a dependency's package, one of the bot's own files, a node internal). Shares are of the
 * busy time: (idle) is the event loop waiting, reported apart.
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface Cost {
  name: string;
  /** Milliseconds of self time. */
  ms: number;
  /** Of the busy (non-idle) time, 0..1. */
  share: number;
}

export interface ProfileSummary {
  wallMs: number;
  busyMs: number;
  idleMs: number;
  byFunction: Cost[];
  byModule: Cost[];
  /**
   * Each sample charged to the nearest of the bot's own functions (src/) on its stack: which part of
   * the bot causes the time spent in dependencies and node below it. `(no bot frame)` is work no
   * bot function asked for on that stack (timers, sockets, GC).
   */
  byBotCaller: Cost[];
  /**
   * By area of work (AREAS below), native frames and node internals charged to the package or
   * bot file that called them: the view the three largest costs are read from.
   */
  byArea: Cost[];
  /** Scripts from sandbox/ or tsx that ran in the process: none in a production process. */
  sandboxScripts: string[];
}

/** Which area a module's time belongs to; the first match wins, anything else is "other". */
const AREAS: Array<[string, RegExp]> = [
  ["store: SQLite driver, keyv, the bot's store", /^(sqlite3|@keyv\/|keyv$|src\/services\/store)/],
  [
    'Discord REST and gateway: discord.js, @discordjs/*, undici, ws',
    /^(discord\.js|@discordjs\/|undici|ws|discord-api-types|node:internal\/deps)/,
  ],
  [
    'components and validation: @discordjs/builders, @sapphire/shapeshift',
    /^(@sapphire\/|@discordjs\/builders)/,
  ],
  ['logging: pino, sonic-boom', /^(pino|sonic-boom|thread-stream|fast-redact|quick-format-unescaped)/],
  ['HTTP servers and metrics: node:http, prom-client', /^(node:_http|node:http|prom-client)/],
  ['(garbage collector)', /^\(garbage collector\)$/],
  ['(program): V8 and libuv outside JS', /^\(program\)$/],
  ['module loading at start-up', /^node:internal\/modules/],
  ["the bot's own code (src/)", /^src\//],
  ['node internals (streams, timers, net…)', /^node:/],
];

export function areaOf(module: string): string {
  return AREAS.find(([, pattern]) => pattern.test(module))?.[0] ?? 'other';
}

export function readCpuProfile(path: string): CpuProfile {
  return JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
}

/** The module a frame belongs to: `pkg` (or `@scope/pkg`), `src/…` for the bot, `node:…`, `(gc)`. */
export function moduleOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (url === '') return functionName === '' ? '(native)' : functionName;
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inPackage) return inPackage[1]!;
  const own =
    /\/dist\/((?:src|sandbox)\/.+)\.js$/.exec(url) ?? /\/((?:src|sandbox|bench)\/.+)\.[jt]s$/.exec(url);
  if (own) return own[1]!;
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  return url;
}

function functionOf(frame: CallFrame): string {
  if (frame.url === '') return frame.functionName || '(native)';
  return `${frame.functionName || '(anonymous)'} ${moduleOf(frame)}:${frame.lineNumber + 1}`;
}

function ranked(totals: Map<string, number>, busyMs: number): Cost[] {
  return [...totals.entries()]
    .map(([name, ms]) => ({ name, ms, share: busyMs === 0 ? 0 : ms / busyMs }))
    .sort((a, b) => b.ms - a.ms);
}

export function summariseProfiles(profiles: readonly CpuProfile[]): ProfileSummary {
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  const byBotCaller = new Map<string, number>();
  const byArea = new Map<string, number>();
  const sandboxScripts = new Set<string>();
  let wallUs = 0;
  let idleUs = 0;
  let busyUs = 0;
  for (const profile of profiles) {
    wallUs += profile.endTime - profile.startTime;
    const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    const parents = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
    const botCaller = (id: number): string => {
      for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
        const frame = frames.get(at);
        if (frame && moduleOf(frame).startsWith('src/')) return functionOf(frame);
      }
      return '(no bot frame)';
    };
    // A native frame or node internal (a write, a parse, a stream) belongs to its nearest caller
    // outside node: the pino that wrote, the undici that sent. (program) and GC stay as they are.
    const ownerModule = (id: number): string => {
      let internal: string | undefined;
      for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
        const frame = frames.get(at);
        if (!frame || frame.url === '') continue;
        if (!frame.url.startsWith('node:')) return moduleOf(frame);
        internal ??= moduleOf(frame);
      }
      return internal ?? moduleOf(frames.get(id)!);
    };
    for (const frame of frames.values())
      if (/\/sandbox\/|\/tsx\//.test(frame.url)) sandboxScripts.add(frame.url);
    profile.samples.forEach((id, index) => {
      const frame = frames.get(id);
      // A sample's time is the gap to the next one (the first delta is from the profile's start).
      const us = profile.timeDeltas[index + 1] ?? 0;
      if (!frame) return;
      if (frame.url === '' && frame.functionName === '(idle)') {
        idleUs += us;
        return;
      }
      busyUs += us;
      const fn = functionOf(frame);
      const mod = moduleOf(frame);
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + us / 1000);
      byModule.set(mod, (byModule.get(mod) ?? 0) + us / 1000);
      const area = areaOf(ownerModule(id));
      byArea.set(area, (byArea.get(area) ?? 0) + us / 1000);
      const caller = botCaller(id);
      byBotCaller.set(caller, (byBotCaller.get(caller) ?? 0) + us / 1000);
    });
  }
  const busyMs = busyUs / 1000;
  return {
    wallMs: wallUs / 1000,
    busyMs,
    idleMs: idleUs / 1000,
    byFunction: ranked(byFunction, busyMs),
    byModule: ranked(byModule, busyMs),
    byBotCaller: ranked(byBotCaller, busyMs),
    byArea: ranked(byArea, busyMs),
    sandboxScripts: [...sandboxScripts],
  };
}
