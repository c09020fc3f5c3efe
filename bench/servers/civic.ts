/** Bench child: the real Node host over a prepared SQLite file; prints its URL as the first stdout line. */
import { startNodeServer } from "@civic/api/hosts/node/server";

const databasePath = process.argv[2];
if (!databasePath) throw new Error("usage: civic.ts <database path>");
// NEARBY_IN_MEMORY=0 measures the portable SQL search that the Worker host runs.
const env = { DEV_LOGIN: "1", LOG_LEVEL: "error", NEARBY_IN_MEMORY: process.env.NEARBY_IN_MEMORY ?? "1" };
const server = await startNodeServer({ databasePath, env });
console.log(server.url);
process.on("SIGTERM", () => server.close().then(() => process.exit(0)));
