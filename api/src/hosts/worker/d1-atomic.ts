import type { AppDeps, AtomicQuery } from "../../deps";

interface BatchingDb {
  // biome-ignore lint/suspicious/noExplicitAny: drizzle's D1 batch wants a non-empty tuple of builders
  batch(statements: any): Promise<unknown[]>;
}

/**
 * atomic() on D1: one db.batch, which D1 runs as a single implicit transaction and rolls back whole if
 * any statement fails (a CHECK, UNIQUE or guarded WHERE in SQL is what aborts it).
 */
export function d1Atomic(db: BatchingDb): AppDeps["atomic"] {
  return async (statements: readonly AtomicQuery[]) => {
    if (statements.length === 0) return [];
    return db.batch([...statements]);
  };
}
