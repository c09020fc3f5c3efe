import { resolve } from "node:path";
import { z } from "zod";
import { type AppConfig, ConfigError, issuesOf, parseAppConfig } from "../../config";

/** The only place on the Node host that reads process.env. */
const NodeSettings = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_PATH: z.string().min(1).default("./data/civic.sqlite"),
  PHOTO_DIR: z.string().min(1).default("./data/photos"),
  STATIC_DIR: z.string().default(""),
  SEED_DEMO: z.enum(["0", "1"]).default("1"),
  /** How often the notification outbox is dispatched (ms); 0 turns the dispatcher off. */
  DISPATCH_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  /** Bearer token a Prometheus scraper sends to GET /metrics; empty = no /metrics route. */
  METRICS_TOKEN: z.union([z.literal(""), z.string().min(16, "at least 16 characters (or empty: no /metrics)")]).default(""),
});

export interface NodeConfig {
  port: number;
  host: string;
  databasePath: string;
  photoDir: string;
  staticDir: string | null;
  seedDemo: boolean;
  dispatchIntervalMs: number;
  metricsToken: string;
  app: AppConfig;
}

export function readNodeConfig(env: Record<string, string | undefined> = process.env): NodeConfig {
  const app = parseAppConfig(env);
  const parsed = NodeSettings.safeParse(env);
  if (!parsed.success) throw new ConfigError(issuesOf(parsed.error));
  const s = parsed.data;
  return {
    port: s.PORT,
    host: s.HOST,
    databasePath: s.DATABASE_PATH === ":memory:" ? ":memory:" : resolve(s.DATABASE_PATH),
    photoDir: resolve(s.PHOTO_DIR),
    staticDir: s.STATIC_DIR ? resolve(s.STATIC_DIR) : null,
    seedDemo: s.SEED_DEMO === "1",
    dispatchIntervalMs: s.DISPATCH_INTERVAL_MS,
    metricsToken: s.METRICS_TOKEN,
    app,
  };
}

/**
 * Where the Node host keeps its data, for `pnpm db:backup` / `db:restore`: the same settings and
 * defaults as the server, without the app settings (a backup needs no WeChat secret). `invokedFrom`
 * is the directory the operator ran pnpm in, for the backup directory they name.
 */
export function readNodeStorageConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = NodeSettings.pick({ DATABASE_PATH: true, PHOTO_DIR: true }).safeParse(env);
  if (!parsed.success) throw new ConfigError(issuesOf(parsed.error));
  return {
    databasePath: resolve(parsed.data.DATABASE_PATH),
    photoDir: resolve(parsed.data.PHOTO_DIR),
    invokedFrom: env.INIT_CWD || process.cwd(),
  };
}
