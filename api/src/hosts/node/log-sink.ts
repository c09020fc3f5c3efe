import { writeSync } from "node:fs";

/*
 * Where the Node host's JSON log lines go: stdout, batched. Lines written during one turn of the event
 * loop leave in one write after it (setImmediate), so under load the access log costs one syscall per
 * batch instead of one per request. A process exit flushes synchronously, so no line is lost. One buffer
 * per process (stdout is one per process), however many servers a test starts.
 */
let pending: string[] = [];
let scheduled = false;
let exitHooked = false;

const flush = () => {
  scheduled = false;
  if (pending.length === 0) return;
  const chunk = `${pending.join("\n")}\n`;
  pending = [];
  process.stdout.write(chunk);
};

export function batchedStdout(line: string): void {
  if (!exitHooked) {
    exitHooked = true;
    // A closed stdout (a log reader gone) must not crash the service: console.log ignores it the same way.
    process.stdout.on("error", () => {});
    process.once("exit", () => {
      if (pending.length > 0) writeSync(1, `${pending.join("\n")}\n`);
      pending = [];
    });
  }
  pending.push(line);
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
}
