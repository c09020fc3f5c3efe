import { join } from "node:path";
import { startNodeServer } from "@civic/api/hosts/node/server";
import { freshTempDir } from "./temp-dirs";

/*
 * The real Node host of the API on an ephemeral loopback port, over a fresh temporary SQLite file seeded
 * with the Suzhou demo toilets, optionally serving an H5 build at `/` on the same origin.
 */
export interface CivicServer {
  url: string;
  close(): Promise<void>;
}

export async function startCivicServer(opts: { staticDir?: string; env?: Record<string, string> } = {}): Promise<CivicServer> {
  const dir = freshTempDir("server");
  const server = await startNodeServer({
    port: 0,
    host: "127.0.0.1",
    databasePath: join(dir.path, "civic.sqlite"),
    photoDir: join(dir.path, "photos"),
    staticDir: opts.staticDir,
    env: { DEV_LOGIN: "1", LOG_LEVEL: "warn", ...opts.env },
    seedDemo: true,
  });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      dir.remove();
    },
  };
}
