import path from "node:path";
import { defineConfig, type UserConfigExport } from "@tarojs/cli";
import devConfig from "./dev";
import { mapTilesFrom } from "./mapTiles";
import prodConfig from "./prod";

/*
 * The one place the mini-program build reads process.env. Settings:
 *   TARO_ENV          weapp | h5 (set by `taro build --type`); the output goes to dist/<TARO_ENV>
 *   CIVIC_API_BASE    base URL the weapp calls (default http://127.0.0.1:3000, the local Node API).
 *                     The H5 build always calls the API on its own origin (relative /api/v1/...).
 *   CIVIC_MAP_TILES, CIVIC_TIANDITU_KEY, CIVIC_MAP_TILES_DATUM, CIVIC_MAP_TILES_SUBDOMAINS
 *                     the H5 street map's tiles (see ./mapTiles.ts); the weapp uses WeChat's own map
 */
const target = process.env.TARO_ENV ?? "weapp";
const apiBase = target === "h5" ? "" : (process.env.CIVIC_API_BASE ?? "http://127.0.0.1:3000").replace(/\/+$/, "");

/** The workspace's shared package is TypeScript source: compile it like our own. */
const sharedSrc = path.resolve(__dirname, "..", "..", "shared", "src");

/** shared/ is pure (schemas and functions): let webpack drop the modules a page never uses (e.g. CSV import). */
function markSharedPure(chain: { module: { rule(name: string): { test(re: RegExp): { set(key: string, value: unknown): unknown } } } }) {
  chain.module
    .rule("civic-shared-pure")
    .test(/[\\/]shared[\\/]src[\\/]/)
    .set("sideEffects", false);
}

/* The weapp's map wants marker icons as files in the package. */
const copyPatterns =
  target === "weapp"
    ? ["green", "grey", "amber", "blue", "red"].map((colour) => ({
        from: `src/assets/marker-${colour}.png`,
        to: `dist/${target}/assets/marker-${colour}.png`,
      }))
    : [];

export default defineConfig<"webpack5">(async (merge) => {
  const baseConfig: UserConfigExport<"webpack5"> = {
    projectName: "civic-miniapp",
    date: "2026-11-26",
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: "src",
    outputRoot: `dist/${target}`,
    plugins: [],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase),
      MAP_TILES: JSON.stringify(target === "h5" ? mapTilesFrom(process.env) : null),
    },
    copy: { patterns: copyPatterns, options: {} },
    framework: "react",
    compiler: "webpack5",
    cache: { enable: false },
    // Taro's weapp default writes every non-ASCII character as \uXXXX (6 bytes for a 3-byte UTF-8 character):
    // the Chinese UI text alone cost ~11 KB of the 600 KB main package. WeChat reads JS as UTF-8.
    ...(target === "weapp" ? { terser: { enable: true, config: { output: { ascii_only: false } } } } : {}),
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      compile: { include: [sharedSrc] },
      webpackChain: markSharedPure,
    },
    h5: {
      publicPath: "/",
      staticDirectory: "static",
      router: { mode: "hash" },
      output: {
        filename: "js/[name].[hash:8].js",
        chunkFilename: "js/[name].[chunkhash:8].js",
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: "css/[name].[hash].css",
        chunkFilename: "css/[name].[chunkhash].css",
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      compile: { include: [sharedSrc] },
      webpackChain(chain) {
        markSharedPure(chain);
        // Taro splits only initial chunks on H5, so every lazily loaded page carried its own copy of zod
        // and the shared schemas; splitting async chunks too puts them in one chunk loaded once.
        chain.optimization.merge({ splitChunks: { chunks: "all" } });
      },
    },
  };
  if (process.env.NODE_ENV === "development") return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
