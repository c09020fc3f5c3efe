import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import autocannon from "autocannon";

const start = (args, env = {}) => {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...env },
  });
  return new Promise((r) => createInterface({ input: child.stdout }).once("line", (url) => r({ url, child })));
};
const cpu = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return [Number(f[11]) * 10, Number(f[12]) * 10];
};
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
async function drive(s, ps) {
  await autocannon({ url: s.url, connections: 10, duration: 1, requests: ps.map((path) => ({ path })) });
  const out = [];
  for (let k = 0; k < 3; k++) {
    const c0 = cpu(s.child.pid);
    const r = await autocannon({ url: s.url, connections: 50, duration: 4, requests: ps.map((path) => ({ path })) });
    const c1 = cpu(s.child.pid);
    out.push(
      `${Math.round(r.requests.average)}rps u${(((c1[0] - c0[0]) * 1000) / r.requests.total).toFixed(0)}+s${(((c1[1] - c0[1]) * 1000) / r.requests.total).toFixed(0)}µs`,
    );
  }
  return out.join("  ");
}
for (const w of process.argv.slice(2)) {
  const s =
    w === "hello" ? await start(["bench/servers/hello.ts"]) : await start(["bench/servers/civic.ts", "/tmp/bench.sqlite"], { EXP: w });
  console.log(w.padEnd(14), await drive(s, w === "hello" ? ["/"] : w === "healthz" ? ["/healthz"] : paths));
  s.child.kill();
}
process.exit(0);
