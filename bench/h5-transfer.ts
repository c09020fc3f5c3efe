/**
 * The bytes a first visit to the H5 app transfers: Debian's Chromium opens `/` on the Node host with an
 * empty cache and we list every file it loads outside /api/ (index.html, scripts, styles, images). Their
 * sizes are summed as stored (raw), as gzip and as brotli copies (what the host sends a browser that
 * accepts br), beside what Chromium itself reports receiving.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startNodeServer } from "@civic/api/hosts/node/server";
import { chromium } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const GOAL_BYTES = 250 * 1024;

const sizeOf = (path: string) => (existsSync(path) ? statSync(path).size : undefined);

function ensureBuilt(root: string, dist: string) {
  if (!existsSync(join(dist, "index.html"))) {
    execFileSync(process.execPath, [join(root, "scripts", "miniapp-build.mjs"), "h5"], { cwd: root, stdio: "inherit" });
  } else if (!readdirSync(join(dist, "js")).some((f) => f.endsWith(".br"))) {
    // Built by an older build step that wrote no compressed copies.
    execFileSync(process.execPath, [join(root, "scripts", "precompress.mjs"), dist], { cwd: root, stdio: "inherit" });
  }
}

/** The static paths Chromium loads for `/`, with what it received for each (body bytes and encoding). */
async function firstVisit(dist: string) {
  const dir = mkdtempSync(join(tmpdir(), "civic-h5-visit-"));
  const server = await startNodeServer({
    databasePath: join(dir, "db.sqlite"),
    staticDir: dist,
    env: { DEV_LOGIN: "1", LOG_LEVEL: "error" },
  });
  const context = await chromium.launchPersistentContext(join(dir, "profile"), {
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
    viewport: { width: 390, height: 844 },
    isMobile: true,
  });
  const loaded: { path: string; received: number; encoding: string }[] = [];
  const pending: Promise<void>[] = [];
  try {
    const page = await context.newPage();
    page.on("requestfinished", (request) => {
      const url = new URL(request.url());
      if (url.origin !== new URL(server.url).origin || url.pathname.startsWith("/api/")) return;
      pending.push(
        (async () => {
          const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
          const encoding = (await response?.headerValue("content-encoding")) ?? "identity";
          loaded.push({ path: url.pathname, received: sizes.responseBodySize + sizes.responseHeadersSize, encoding });
        })(),
      );
    });
    await page.goto(`${server.url}/`, { waitUntil: "networkidle" });
    await Promise.all(pending);
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return loaded;
}

export async function printH5FirstVisit(root: string) {
  if (!existsSync(CHROMIUM)) {
    console.log(`H5 first visit: skipped (no Chromium at ${CHROMIUM})`);
    return;
  }
  const dist = join(root, "miniapp", "dist", "h5");
  ensureBuilt(root, dist);
  const loaded = await firstVisit(dist);
  const files = loaded.map(({ path, received, encoding }) => {
    const file = join(dist, path.endsWith("/") ? `${path}index.html` : path);
    const raw = sizeOf(file) ?? 0;
    return { path, raw, gzip: sizeOf(`${file}.gz`) ?? raw, br: sizeOf(`${file}.br`) ?? raw, received, encoding };
  });
  const sum = (key: "raw" | "gzip" | "br" | "received") => files.reduce((n, f) => n + f[key], 0);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`\nH5 first visit: ${files.length} files (index.html and every asset it loads)`);
  console.log("| file | raw | gzip | br |");
  console.log("|---|---|---|---|");
  for (const f of [...files].sort((a, b) => b.raw - a.raw)) console.log(`| ${f.path} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.br)} |`);
  const br = sum("br");
  console.log(`| total | ${kb(sum("raw"))} | ${kb(sum("gzip"))} | ${kb(br)} |`);
  console.log(`H5 first visit with br: ${kb(br)} (goal <= 250 KB: ${br <= GOAL_BYTES ? "met" : "NOT met"})`);
  const encodings = [...new Set(files.map((f) => f.encoding))].join(", ");
  console.log(`Chromium received ${kb(sum("received"))} including headers (encodings it was sent: ${encodings})`);
}
