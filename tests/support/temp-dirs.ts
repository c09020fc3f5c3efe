import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A fresh directory under the OS temp dir; `remove()` deletes it and everything in it. */
export function freshTempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `civic-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true, maxRetries: 3 }) };
}

/**
 * A directory for this test process that is removed when the process exits: for things made per test
 * (a harness's photo store) that no test tidies one by one, so a run leaves nothing behind in the temp dir.
 */
export function processTempDir(prefix: string): string {
  const dir = freshTempDir(prefix);
  process.once("exit", () => dir.remove());
  return dir.path;
}
