/** Bench child: the real Node host over a prepared SQLite file; prints its URL as the first stdout line. */
import { openSync, writeSync } from "node:fs";
import { devNull } from "node:os";
import { batchedLines } from "@civic/api/hosts/node/log-sink";
import { startNodeServer } from "@civic/api/hosts/node/server";

const databasePath = process.argv[2];
if (!databasePath) throw new Error("usage: civic.ts <database path>");
// NEARBY_IN_MEMORY=0 measures the portable SQL search that the Worker host runs.
// Logging stays on (one access line per request, as in production), but the lines go to a file rather than
// to the bench's own stdout pipe: parsing them there would load the autocannon client, not this server.
const env = { DEV_LOGIN: "1", LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info", NEARBY_IN_MEMORY: process.env.NEARBY_IN_MEMORY ?? "1" };
const logFile = openSync(process.env.BENCH_LOG_FILE ?? devNull, "a");
const server = await startNodeServer({ databasePath, env, logWrite: batchedLines((chunk) => writeSync(logFile, chunk)) });
console.log(server.url);
process.on("SIGTERM", () => server.close().then(() => process.exit(0)));
