// A fake Slack Socket Mode endpoint on 127.0.0.1: says hello to the client that connects (as
// Slack does; or, held, only when the test says so), lets a test push envelopes (slash commands,
// events), records the client's acks, and can drop its connections (as Slack does now and then).
import WebSocket from 'ws';
import type { AddressInfo } from 'node:net';
import { eventually } from '../support/eventually.ts';

export interface Envelope {
  envelope_id: string;
  type: 'events_api' | 'slash_commands' | 'interactive';
  payload: unknown;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

export class FakeSlackSocket {
  readonly acks: { envelope_id: string; payload?: unknown }[] = [];
  private server: WebSocket.Server | null = null;
  private readonly sockets: WebSocket[] = [];

  /** `holdHello`: connections are accepted but not greeted until hello() (the client is not connected yet) */
  constructor(private readonly o: { holdHello?: boolean } = {}) {}

  /** How many connections the client has opened so far. */
  get connections(): number {
    return this.sockets.length;
  }

  async start(): Promise<this> {
    const server = new WebSocket.Server({ host: '127.0.0.1', port: 0 });
    this.server = server;
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    server.on('connection', (ws) => {
      this.sockets.push(ws);
      ws.on('message', (data) => this.acks.push(JSON.parse(String(data)) as { envelope_id: string }));
      if (!this.o.holdHello) this.greet(ws);
    });
    return this;
  }

  private greet(ws: WebSocket): void {
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'fake' },
        connection_info: { app_id: 'A1' },
      }),
    );
  }

  /** Greets the latest connection (with holdHello). */
  hello(): void {
    this.greet(this.sockets.at(-1)!);
  }

  /** Cuts every connection, as a network failure would. */
  drop(): void {
    for (const s of this.sockets) s.terminate();
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server!.address() as AddressInfo).port}/link`;
  }

  private until(check: () => boolean, what: string): Promise<void> {
    return eventually(check, `fake Slack socket: ${what}`);
  }

  connected(): Promise<void> {
    return this.until(() => this.sockets.some((s) => s.readyState === WebSocket.OPEN), 'a connection');
  }

  send(envelope: Envelope): void {
    this.sockets.at(-1)!.send(JSON.stringify(envelope));
  }

  acked(envelopeId: string): Promise<void> {
    return this.until(() => this.acks.some((a) => a.envelope_id === envelopeId), `an ack of ${envelopeId}`);
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
