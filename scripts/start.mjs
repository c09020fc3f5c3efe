#!/usr/bin/env node
// `pnpm start`: build the H5 app if it is missing, then serve it and the API from the Node host.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const h5 = join(root, "miniapp", "dist", "h5");

if (!existsSync(join(h5, "index.html"))) {
  console.log("Building the H5 app (first start only, about a minute)...");
  const built = spawnSync("pnpm", ["--filter", "@civic/miniapp", "build:h5"], { cwd: root, stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const env = { ...process.env, STATIC_DIR: process.env.STATIC_DIR ?? h5 };
const server = spawnSync(process.execPath, ["--import", "tsx", join(root, "api", "src", "hosts", "node", "main.ts")], {
  cwd: root,
  stdio: "inherit",
  env,
});
process.exit(server.status ?? 1);
