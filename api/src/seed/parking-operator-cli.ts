import { eq } from "drizzle-orm";
import { parkingFeedKeys, parkingLots } from "../db/schema";
import { readNodeConfig } from "../hosts/node/config";
import { openSqlite } from "../hosts/node/sqlite";
import { deriveFeedSecret } from "../parking/feed-signature";
import { DEMO_FEED_KEY_ID } from "./demo-parking";
import { createDemoOperator, runDemoOperator } from "./parking-operator";
import { prng } from "./random";

/*
 * The demo's simulated parking operator as a process (started beside the server by `pnpm start` with
 * DEV_LOGIN=1; DEMO_PARKING_FEED=0 turns it off). It reads its lots from the database once, then pushes
 * over HTTP every minute and exits when the server has gone (or is stopped with it).
 */
const config = readNodeConfig();
const { sqlite, db } = openSqlite(config.databasePath);
const [key] = await db.select().from(parkingFeedKeys).where(eq(parkingFeedKeys.keyId, DEMO_FEED_KEY_ID));
if (!key || key.status !== "active") {
  console.log("Demo parking feed: no active demo key (seed an empty database with DEV_LOGIN=1); not started.");
  process.exit(0);
}
const lots = await db
  .select({ id: parkingLots.id, name: parkingLots.name, type: parkingLots.type, capacity: parkingLots.capacityTotal })
  .from(parkingLots)
  .where(eq(parkingLots.operatorId, key.operatorId))
  .orderBy(parkingLots.operatorLotId);
sqlite.close();
const url = `http://127.0.0.1:${config.port}/api/v1/feeds/parking`;
const operator = createDemoOperator({
  keyId: DEMO_FEED_KEY_ID,
  secret: await deriveFeedSecret(config.app.parking.feedKeySecret, DEMO_FEED_KEY_ID),
  lots,
  rand: prng(Date.now() % 1_000_000),
  send: async (body, headers) => (await fetch(url, { method: "POST", body, headers })).status,
});
const everyMs = 60_000;
const running = runDemoOperator(operator, { everyMs, onStop: () => process.exit(0) });
// A first push soon after the server is up, then every minute.
setTimeout(() => void operator.push(new Date()).catch(() => undefined), 3000);
process.on("SIGTERM", () => running.stop());
process.on("SIGINT", () => running.stop());
console.log(`Demo parking feed: ${lots.length} lots of the demo operator, a push every ${everyMs / 1000} s.`);
