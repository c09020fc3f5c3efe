/*
 * The H5 street map's tile source, resolved at build time from the environment (config/index.ts bakes
 * the answer into the bundle as MAP_TILES). No imports: Taro's CLI loads this file with the config.
 *   CIVIC_MAP_TILES        unset or "tianditu": 天地图 vector + annotation tiles (needs CIVIC_TIANDITU_KEY;
 *                          without a key there is no tile map); "" or "offline": no tile map; or a
 *                          Leaflet URL template with {z} {x} {y} (and {s} for CIVIC_MAP_TILES_SUBDOMAINS)
 *   CIVIC_TIANDITU_KEY     the 天地图 console's key (tk)
 *   CIVIC_MAP_TILES_DATUM  wgs84 (default; 天地图's CGCS2000 is within centimetres of it) or gcj02 (tiles
 *                          drawn in China's offset coordinates, like our data: then no conversion)
 * Without a tile map, or when tiles fail to load, H5 draws the offline map instead.
 */
export interface MapTiles {
  /** Leaflet URL templates, drawn bottom to top. */
  layers: string[];
  subdomains: string;
  datum: "wgs84" | "gcj02";
  attribution: string;
}

const TIANDITU_LAYER = (layer: "vec" | "cva", key: string) =>
  `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`;

export function mapTilesFrom(env: Record<string, string | undefined>): MapTiles | null {
  const setting = (env.CIVIC_MAP_TILES ?? "tianditu").trim();
  if (setting === "" || setting === "offline") return null;
  if (setting === "tianditu") {
    const key = env.CIVIC_TIANDITU_KEY?.trim();
    if (!key) return null;
    return {
      layers: [TIANDITU_LAYER("vec", key), TIANDITU_LAYER("cva", key)],
      subdomains: "01234567",
      datum: "wgs84",
      attribution: "© 天地图",
    };
  }
  if (!["{z}", "{x}", "{y}"].every((p) => setting.includes(p))) {
    throw new Error(`CIVIC_MAP_TILES must be "tianditu", "" or a URL template with {z}, {x} and {y}; got ${setting}`);
  }
  return {
    layers: [setting],
    subdomains: env.CIVIC_MAP_TILES_SUBDOMAINS?.trim() || "abc",
    datum: env.CIVIC_MAP_TILES_DATUM?.trim() === "gcj02" ? "gcj02" : "wgs84",
    attribution: "",
  };
}
