#!/usr/bin/env node
// `pnpm start`: build the H5 app if it is missing, then serve it and the API from the Node host.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { buildMiniapp, repoRoot } from "./miniapp-build.mjs";

const h5 = join(repoRoot, "miniapp", "dist", "h5");

if (!existsSync(join(h5, "index.html"))) {
  console.log("Building the H5 app (first start only, about a minute)...");
  try {
    await buildMiniapp("h5");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

const env = { ...process.env, STATIC_DIR: process.env.STATIC_DIR ?? h5 };
// The demo data first (SEED_DEMO=1, an empty database): a step of its own, the host never imports the seed.
const seeded = spawnSync(process.execPath, ["--import", "tsx", join(repoRoot, "api", "src", "seed", "cli.ts")], {
  cwd: repoRoot,
  stdio: "inherit",
  env,
});
if (seeded.status !== 0) process.exit(seeded.status ?? 1);
// The demo's simulated parking operator pushes through the real signed feed beside the server, and stops with it.
const demoFeed =
  env.DEV_LOGIN === "1" && env.DEMO_PARKING_FEED !== "0"
    ? spawn(process.execPath, ["--import", "tsx", join(repoRoot, "api", "src", "seed", "parking-operator-cli.ts")], {
        cwd: repoRoot,
        stdio: "inherit",
        env,
      })
    : null;
const server = spawnSync(process.execPath, ["--import", "tsx", join(repoRoot, "api", "src", "hosts", "node", "main.ts")], {
  cwd: repoRoot,
  stdio: "inherit",
  env,
});
demoFeed?.kill();
process.exit(server.status ?? 1);
