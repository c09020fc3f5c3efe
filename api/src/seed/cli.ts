import { readNodeConfig } from "../hosts/node/config";
import { openSqlite } from "../hosts/node/sqlite";
import { seedDemoIfEmpty } from "./demo";

/*
 * `pnpm db:seed` (and the first step of `pnpm start` / `pnpm dev`): with SEED_DEMO=1 (the default), puts
 * the Suzhou demo data into DATABASE_PATH when it is empty, migrating it first. A separate step so that
 * nothing under api/src outside this folder imports the demo seed.
 */
const config = readNodeConfig();
if (config.seedDemo && config.databasePath !== ":memory:") {
  const { sqlite, db, atomic } = openSqlite(config.databasePath);
  try {
    const toilets = await seedDemoIfEmpty(db, atomic, { feedKeySecret: config.app.parking.feedKeySecret });
    if (toilets > 0) console.log(`Seeded the demo data into ${config.databasePath} (${toilets} toilets).`);
  } finally {
    sqlite.close();
  }
}
