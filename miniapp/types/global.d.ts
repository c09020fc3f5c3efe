/// <reference types="@tarojs/taro" />

declare module "*.png";
declare module "*.css";

/** Base URL of the API, baked in at build time by config/index.ts ("" in H5: same origin). */
declare const API_BASE: string;

/** The H5 street map's tile source, baked in at build time by config/index.ts (null: the offline map). */
declare const MAP_TILES: import("../config/mapTiles").MapTiles | null;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: "development" | "production" | "test";
    /** The platform being built, replaced at build time by Taro. */
    TARO_ENV: "weapp" | "h5" | "swan" | "alipay" | "tt" | "qq" | "jd" | "harmony" | "rn";
  }
}
