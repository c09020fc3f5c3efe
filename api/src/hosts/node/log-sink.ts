import { writeSync } from "node:fs";

/**
 * Log lines, batched: lines written during one turn of the event loop leave in one write after it
 * (setImmediate), so under load the access log costs one syscall per batch instead of one per request.
 * A process exit flushes synchronously, so no line is lost.
 */
export function batchedLines(write: (chunk: string) => void, writeAtExit: (chunk: string) => void = write): (line: string) => void {
  let pending: string[] = [];
  let scheduled = false;
  const take = () => {
    const chunk = `${pending.join("\n")}\n`;
    pending = [];
    return chunk;
  };
  const flush = () => {
    scheduled = false;
    if (pending.length > 0) write(take());
  };
  process.once("exit", () => {
    if (pending.length > 0) writeAtExit(take());
  });
  return (line) => {
    pending.push(line);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
}

let stdoutSink: ((line: string) => void) | undefined;

/** The Node host's default: stdout, one buffer per process however many servers a test starts. */
export function batchedStdout(line: string): void {
  if (!stdoutSink) {
    // A closed stdout (a log reader gone) must not crash the service: console.log ignores it the same way.
    process.stdout.on("error", () => {});
    stdoutSink = batchedLines(
      (chunk) => process.stdout.write(chunk),
      (chunk) => writeSync(1, chunk),
    );
  }
  stdoutSink(line);
}
