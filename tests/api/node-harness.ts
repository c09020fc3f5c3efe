import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { createApp } from "@civic/api";
import { parseAppConfig } from "@civic/api/config";
import { diskBlobStore } from "@civic/api/hosts/node/disk-blobs";
import { openSqlite } from "@civic/api/hosts/node/sqlite";
import { unlinkExpiredReporters } from "@civic/api/me/retention";
import { PLACE_KINDS } from "@civic/api/places";
import { jsonLogger } from "@civic/api/platform/logger";
import { createNearbyIndex } from "@civic/api/platform/nearby/memory-index";
import { dispatchOutbox } from "@civic/api/platform/notifications/dispatcher";
import { createWechatClient } from "@civic/api/platform/wechat";
import type { ContractHarness } from "../contract/harness";
import { FAKE_APPID, FAKE_SECRET, type FakeWechat } from "../fakes/wechat";
import { TEST_CALLBACK_TOKEN, TEST_PUBLIC_BASE_URL, wechatControls } from "../fakes/wechat-controls";
import { processTempDir } from "../support/temp-dirs";

/** A fresh app over a fresh in-memory SQLite database with every migration applied. */

/** One photo-store root for every harness of this test process, removed when it exits. */
let blobs: string | undefined;
const blobRoot = () => {
  blobs ??= processTempDir("blobs");
  return blobs;
};

/** `env`: more settings (e.g. the fake Tencent Cloud SMS's, see fakes/tencent-sms.ts). */
export function createNodeHarness(wechat: FakeWechat, opts: { nearbyInMemory: boolean; env?: Record<string, string> }) {
  let now: Date | null = null;
  const config = parseAppConfig({
    DEV_LOGIN: "1",
    WECHAT_API_BASE: wechat.url,
    WECHAT_APPID: FAKE_APPID,
    WECHAT_SECRET: FAKE_SECRET,
    WECHAT_TIMEOUT_MS: "1000",
    LOG_LEVEL: "silent",
    NEARBY_IN_MEMORY: opts.nearbyInMemory ? "1" : "0",
    WECHAT_CALLBACK_TOKEN: TEST_CALLBACK_TOKEN,
    PUBLIC_BASE_URL: TEST_PUBLIC_BASE_URL,
    // In process there is no socket: the suites name callers' addresses the way Cloudflare does, as on
    // the workerd host (client-address.test.ts covers the socket and proxy hops on a real server).
    TRUST_PROXY: "cloudflare",
    ...opts.env,
  });
  const { sqlite, db, atomic, localChanges } = openSqlite(":memory:");
  const deps = {
    db,
    atomic,
    blobs: diskBlobStore(mkdtempSync(join(blobRoot(), "h-"))),
    clock: () => now ?? new Date(),
    wechat: createWechatClient(config.wechat),
    config,
    log: jsonLogger("silent"),
    nearbyIndex: config.nearbyInMemory ? createNearbyIndex(db, PLACE_KINDS, { localChanges }) : undefined,
  };
  const app = createApp(deps);
  const harness: ContractHarness = {
    request: async (path, init) => app.request(path, init),
    wechat: {
      url: wechat.url,
      issueCode: async (openid) => wechat.issueCode(openid),
      setMode: async (mode) => wechat.setMode(mode),
      controls: wechatControls(wechat.url),
      dispatch: () => dispatchOutbox(deps),
    },
    setNow: (iso) => {
      now = new Date(iso);
    },
    runRetention: () => unlinkExpiredReporters(deps, deps.clock()),
    withDeps: (fn) => fn(deps),
  };
  return { harness, app, sqlite, db, atomic, deps };
}
