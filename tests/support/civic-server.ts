import { createServer } from "node:net";
import { join } from "node:path";
import { startNodeServer } from "@civic/api/hosts/node/server";
import { seedDemoIfEmpty } from "@civic/api/seed/demo";
import { freshTempDir } from "./temp-dirs";

/*
 * The real Node host of the API on an ephemeral loopback port, over a fresh temporary SQLite file seeded
 * with the Suzhou demo toilets, optionally serving an H5 build at `/` on the same origin.
 */
export interface CivicServer {
  url: string;
  close(): Promise<void>;
}

export interface CivicServerOptions {
  staticDir?: string;
  /** Extra settings as environment strings (WECHAT_*, PUBLIC_BASE_URL, ...); DEV_LOGIN=1 is always on. */
  env?: Record<string, string>;
  /** A fixed port (e.g. from freePort(), when a setting must name the URL before start); default any free one. */
  port?: number;
  /** How often the notification dispatcher runs (the Node host's default when left out). */
  dispatchIntervalMs?: number;
  /** The API's clock (deps.clock; default the real time), for stories that must live on a given day. */
  clock?: () => Date;
}

/** A loopback port that was free a moment ago (for settings that must know the server's URL before it starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function startCivicServer(opts: CivicServerOptions = {}): Promise<CivicServer> {
  const dir = freshTempDir("server");
  const server = await startNodeServer({
    port: opts.port ?? 0,
    host: "127.0.0.1",
    databasePath: join(dir.path, "civic.sqlite"),
    photoDir: join(dir.path, "photos"),
    staticDir: opts.staticDir,
    env: { DEV_LOGIN: "1", LOG_LEVEL: "warn", ...opts.env },
    seed: seedDemoIfEmpty,
    ...(opts.dispatchIntervalMs !== undefined ? { dispatchIntervalMs: opts.dispatchIntervalMs } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      dir.remove();
    },
  };
}
