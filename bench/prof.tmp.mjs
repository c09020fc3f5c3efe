import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import autocannon from "autocannon";

const child = spawn(
  process.execPath,
  [
    "--cpu-prof",
    "--cpu-prof-interval",
    "100",
    "--cpu-prof-dir=/tmp/prof",
    "--import",
    "tsx",
    "bench/servers/civic.ts",
    "/tmp/bench.sqlite",
  ],
  { stdio: ["ignore", "pipe", "inherit"], env: process.env },
);
const url = await new Promise((r) => createInterface({ input: child.stdout }).once("line", r));
const paths = [];
let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
for (let i = 0; i < 500; i++)
  paths.push(
    `/api/v1/toilets/nearby?lat=${(31.3 + (rand() - 0.5) * 0.05).toFixed(5)}&lng=${(120.6 + (rand() - 0.5) * 0.05).toFixed(5)}&radius=1000&limit=10`,
  );
await autocannon({ url, connections: 10, duration: 2, requests: paths.map((path) => ({ path })) });
const r = await autocannon({ url, connections: 50, duration: 8, requests: paths.map((path) => ({ path })) });
console.log("rps", r.requests.average, "p99", r.latency.p99);
child.kill("SIGTERM");
await new Promise((r) => child.once("exit", r));
