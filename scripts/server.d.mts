import type { Server } from 'node:http';

export declare function serveStatic(opts: {
  root: string;
  host?: string;
  port?: number;
  overlay?: Record<string, unknown>;
}): Promise<{ url: string; server: Server; close: () => Promise<void> }>;
