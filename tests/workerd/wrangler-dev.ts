import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/*
 * Drives the real wrangler CLI (the one developers and CI run) against api/wrangler.toml, in Node.
 * Every process is started in its own group and stopped by its id; nothing here listens on a fixed port.
 */
export const API_DIR = fileURLToPath(new URL("../../api/", import.meta.url));
const WRANGLER_BIN = fileURLToPath(new URL("../../node_modules/wrangler/bin/wrangler.js", import.meta.url));

const quietEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  NO_COLOR: "1",
  FORCE_COLOR: "0",
  CI: "1",
};

function start(args: string[]): ChildProcess {
  return spawn(process.execPath, [WRANGLER_BIN, ...args], {
    cwd: API_DIR,
    env: quietEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function stopGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  }
}

/** Runs one wrangler command to completion within `timeoutMs`; rejects with its output on failure. */
export function wrangler(args: string[], timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = start(args);
    let out = "";
    child.stdout?.on("data", (d) => (out += d));
    child.stderr?.on("data", (d) => (out += d));
    const timer = setTimeout(() => {
      stopGroup(child, "SIGKILL");
      reject(new Error(`wrangler ${args.join(" ")} took over ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`wrangler ${args.join(" ")} exited ${code}:\n${out}`));
    });
  });
}

export interface DevServer {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** `wrangler dev` on 127.0.0.1 with an ephemeral port; resolves once it prints "Ready on <url>". */
export function wranglerDev(args: string[], timeoutMs = 60_000): Promise<DevServer> {
  const child = start([
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    "0",
    "--inspector-port",
    "0",
    "--show-interactive-dev-session=false",
    ...args,
  ]);
  let out = "";
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const stop = async () => {
    stopGroup(child, "SIGTERM");
    const killed = setTimeout(() => stopGroup(child, "SIGKILL"), 5000);
    await exited;
    clearTimeout(killed);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`wrangler dev was not ready within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      const ready = /Ready on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve({ url: ready[1], output: () => out, stop });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`wrangler dev exited ${code} before it was ready:\n${out}`));
    });
  });
}
