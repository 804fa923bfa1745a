import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { GatewayCloseCodes, GatewayDispatchEvents, GatewayOpcodes } from 'discord-api-types/v10';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { apiMember, apiUser, guildCreatePayload } from './api-shapes.js';
import type { EmulatorCore, GatewayPort } from './core.js';
import { asRecord } from './limits.js';

/**
 * The gateway: HELLO, heartbeats, IDENTIFY -> READY + one GUILD_CREATE per guild, RESUME with replay of what
 * the client missed, and dispatches. JSON encoding only (discord.js uses zlib only if zlib-sync is installed).
 */

interface SentDispatch {
  s: number;
  t: string;
  d: unknown;
}

interface Session {
  id: string;
  seq: number;
  socket: WebSocket | null;
  /** Every dispatch of the session, for RESUME; capped. */
  sent: SentDispatch[];
}

const REPLAY_LIMIT = 1000;

export class Gateway implements GatewayPort {
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private readonly sockets = new Set<WebSocket>();
  private readonly readyWaiters: (() => void)[] = [];
  identifyCount = 0;
  resumeCount = 0;

  constructor(private readonly core: EmulatorCore) {
    this.server.on('connection', (socket) => this.onConnection(socket));
  }

  get url(): string {
    return `${this.core.origin.replace(/^http/, 'ws')}/gateway`;
  }

  /** A session exists (connected, or dropped and resumable). */
  get connected(): boolean {
    return this.sessions.size > 0;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.server.handleUpgrade(req, socket, head, (ws) => this.server.emit('connection', ws, req));
  }

  /** Resolves once a client has identified and received its guilds. */
  waitForBot(timeoutMs = 10_000): Promise<void> {
    if ([...this.sessions.values()].some((s) => s.socket)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('No bot connected to the emulator gateway')),
        timeoutMs,
      );
      this.readyWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  dispatch(event: string, data: unknown): void {
    for (const session of this.sessions.values()) this.send(session, event, data);
  }

  /** Close every socket abnormally (no close frame): discord.js sees 1006 and resumes. */
  drop(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  /** op 9 with d:false: the sessions are gone and clients must identify again. */
  invalidate(): void {
    for (const session of this.sessions.values()) {
      session.socket?.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false }));
    }
    this.sessions.clear();
  }

  close(): void {
    for (const socket of this.sockets) socket.terminate();
    this.server.close();
  }

  private send(session: Session, event: string, data: unknown): void {
    session.seq += 1;
    const entry = { s: session.seq, t: event, d: data };
    session.sent.push(entry);
    if (session.sent.length > REPLAY_LIMIT) session.sent.shift();
    session.socket?.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, ...entry }));
  }

  private onConnection(socket: WebSocket): void {
    this.sockets.add(socket);
    let session: Session | undefined;
    socket.on('close', (code) => {
      this.sockets.delete(socket);
      if (session?.socket === socket) session.socket = null;
      // A clean close (1000/1001) ends the session as Discord does; anything else stays resumable.
      if (session && (code === 1000 || code === 1001)) this.sessions.delete(session.id);
    });
    socket.on('message', (raw: RawData) => {
      const payload = asRecord(safeJson(raw));
      if (!payload) return;
      const data = asRecord(payload.d);
      switch (payload.op) {
        case GatewayOpcodes.Heartbeat:
          socket.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck }));
          return;
        case GatewayOpcodes.Identify:
          if (session) return socket.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
          if (!this.tokenOk(data?.token))
            return socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
          session = this.identify(socket);
          return;
        case GatewayOpcodes.Resume:
          if (!this.tokenOk(data?.token))
            return socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
          session = this.resume(socket, String(data?.session_id ?? ''), Number(data?.seq ?? 0));
          return;
        case GatewayOpcodes.RequestGuildMembers:
          if (session) this.sendMemberChunks(session, data);
          return;
        default:
          return;
      }
    });
    socket.send(
      JSON.stringify({
        op: GatewayOpcodes.Hello,
        d: { heartbeat_interval: this.core.settings.heartbeatIntervalMs },
      }),
    );
  }

  /** op 8 (guild.members.fetch()): one GUILD_MEMBERS_CHUNK per guild, filtered by ids or a name prefix. */
  private sendMemberChunks(session: Session, data: Record<string, unknown> | undefined): void {
    const { store } = this.core;
    const guildIds = [data?.guild_id].flat().filter((id): id is string => typeof id === 'string');
    const userIds = [data?.user_ids].flat().filter((id): id is string => typeof id === 'string');
    const query = typeof data?.query === 'string' ? data.query.toLowerCase() : '';
    const limit = typeof data?.limit === 'number' && data.limit > 0 ? data.limit : Number.POSITIVE_INFINITY;
    for (const guildId of guildIds) {
      const members = store
        .guildMembers(guildId)
        .filter((m) => {
          if (userIds.length > 0) return userIds.includes(m.userId);
          return (store.users.get(m.userId)?.username ?? '').toLowerCase().startsWith(query);
        })
        .slice(0, limit);
      this.send(session, GatewayDispatchEvents.GuildMembersChunk, {
        guild_id: guildId,
        members: members.map((m) => apiMember(store, m)),
        chunk_index: 0,
        chunk_count: 1,
        not_found: userIds.filter((id) => !members.some((m) => m.userId === id)),
        ...(data?.nonce !== undefined ? { nonce: data.nonce } : {}),
      });
    }
  }

  private tokenOk(token: unknown): boolean {
    return typeof token === 'string' && token.replace(/^Bot /, '') === this.core.settings.botToken;
  }

  private identify(socket: WebSocket): Session {
    this.identifyCount += 1;
    const session: Session = { id: randomBytes(16).toString('hex'), seq: 0, socket, sent: [] };
    this.sessions.set(session.id, session);
    const { store, settings } = this.core;
    const bot = store.users.get(settings.botUserId);
    const guilds = [...store.guilds.values()].filter((g) => store.member(g.id, settings.botUserId));
    this.send(session, GatewayDispatchEvents.Ready, {
      v: 10,
      user: bot ? { ...apiUser(bot), verified: true, mfa_enabled: false } : undefined,
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.url,
      shard: [0, 1],
      application: { id: settings.applicationId, flags: 0 },
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      _trace: ['discord-emulator'],
    });
    for (const guild of guilds)
      this.send(session, GatewayDispatchEvents.GuildCreate, guildCreatePayload(store, guild));
    for (const waiter of this.readyWaiters.splice(0)) waiter();
    return session;
  }

  private resume(socket: WebSocket, sessionId: string, seq: number): Session | undefined {
    const session = this.sessions.get(sessionId);
    if (!session) {
      socket.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false }));
      return undefined;
    }
    this.resumeCount += 1;
    session.socket?.terminate();
    session.socket = socket;
    for (const missed of session.sent.filter((d) => d.s > seq)) {
      socket.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, ...missed }));
    }
    this.send(session, GatewayDispatchEvents.Resumed, { _trace: ['discord-emulator'] });
    return session;
  }
}

function safeJson(raw: RawData): unknown {
  try {
    return JSON.parse(
      Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.from(raw as ArrayBuffer).toString('utf8'),
    );
  } catch {
    return undefined;
  }
}
