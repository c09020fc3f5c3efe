import { ConfigError } from "../../config";
import { readNodeConfig } from "./config";
import { startNodeServer } from "./server";

/**
 * `pnpm start`: the embedded default host (SQLite file, photos on disk, the H5 app at `/`). The demo data
 * (SEED_DEMO=1) is put in first by api/src/seed/cli.ts, so the host imports nothing from the seed.
 */
async function main() {
  const config = readNodeConfig();
  const server = await startNodeServer({
    port: config.port,
    host: config.host,
    databasePath: config.databasePath,
    photoDir: config.photoDir,
    staticDir: config.staticDir,
    env: process.env,
    dispatchIntervalMs: config.dispatchIntervalMs,
    metricsToken: config.metricsToken,
  });
  console.log(`\n  城管服务 Civic is running at ${server.url}/  (API docs: ${server.url}/docs)`);
  if (config.app.devLogin) console.log("  DEV_LOGIN=1: the demo role picker is enabled. Never set it in production.\n");
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
