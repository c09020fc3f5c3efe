import type { MapTiles } from "../../../config/mapTiles";

/** The tile source this build was made with (config/mapTiles.ts); null: H5 draws the offline map. */
export const mapTiles = (): MapTiles | null => (typeof MAP_TILES === "object" && MAP_TILES !== null ? MAP_TILES : null);

export type { MapTiles };
