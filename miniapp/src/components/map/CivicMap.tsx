import { Text, View } from "@tarojs/components";
import { useMemo, useState } from "react";
import { clusterPoints, type MapMark } from "./clustering";
import { NativeMap } from "./NativeMap";
import { OfflineMap } from "./OfflineMap";
import { TileMap } from "./TileMap";
import { mapTiles } from "./tileSource";
import type { CivicMapProps, MapPoint, MapShape } from "./types";

/*
 * The one map of the mini-program, for every finder and map page. The weapp gets WeChat's native map;
 * H5 gets Leaflet over the configured tiles, or the offline plot when there are none or they fail
 * (Taro's own H5 map loads Baidu's script from the internet, in other coordinates). Every target
 * clusters the same way, colours markers as the caller says, and calls onOpen with a tapped item's id.
 * Shapes (zones) are drawn under the markers in the caller's colours.
 */
const NO_SHAPES: readonly MapShape[] = [];

export function CivicMap({
  centre: givenCentre,
  radius,
  points,
  shapes = NO_SHAPES,
  onOpen,
  onPick,
  className = "",
  legend,
}: CivicMapProps) {
  // Pages build their points (and may build the centre) on every render: cluster and redraw only when
  // they change. Leaflet's map is rebuilt whenever one of these objects is new.
  const pointsKey = JSON.stringify(points);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the points' content, not the array's identity
  const stablePoints = useMemo(() => points, [pointsKey]);
  const shapesKey = JSON.stringify(shapes);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the shapes' content, not the array's identity
  const stableShapes = useMemo(() => shapes, [shapesKey]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the coordinates, not the object's identity
  const centre = useMemo(() => givenCentre, [givenCentre.lat, givenCentre.lng]);
  // The build setting is an object literal baked in where it is read: read it once per map.
  const tiles = useMemo(mapTiles, []);
  const clusters = useMemo(() => clusterPoints(stablePoints), [stablePoints]);
  const [stack, setStack] = useState<{ key: string; ids: string[] } | null>(null);
  const [tilesFailed, setTilesFailed] = useState(false);

  // A new search (place, radius or results) starts again from the first view.
  const viewKey = `${centre.lat},${centre.lng},${radius}:${stablePoints.map((p) => p.id).join(",")}`;
  const onTapMark = (mark: MapMark) => {
    if (mark.kind === "point") onOpen(mark.point.id);
    else setStack({ key: viewKey, ids: mark.ids });
  };
  // A tapped shape opens its item, unless taps pick spots (an editor drawing the shape itself).
  const onTapShape = onPick ? undefined : onOpen;
  const common = { centre, radius, clusters, shapes: stableShapes, className, onTapMark, onTapShape, onPick };

  let map: JSX.Element;
  if (process.env.TARO_ENV === "weapp") map = <NativeMap key={viewKey} {...common} />;
  else if (tiles && !tilesFailed)
    map = <TileMap key={viewKey} {...common} tiles={tiles} points={stablePoints} onUnavailable={() => setTilesFailed(true)} />;
  else map = <OfflineMap key={viewKey} {...common} points={stablePoints} />;

  const stacked = stack?.key === viewKey ? stablePoints.filter((p) => stack.ids.includes(p.id)) : [];
  return (
    <View className="civic-map">
      {map}
      {stacked.length > 0 ? <StackList points={stacked} onOpen={onOpen} onClose={() => setStack(null)} /> : null}
      {legend ? <Text className="map-legend">{legend}</Text> : null}
    </View>
  );
}

/** Items that share one spot (e.g. reports on the same coarsened point): no zoom separates them, so list them. */
function StackList({ points, onOpen, onClose }: { points: MapPoint[]; onOpen: (id: string) => void; onClose: () => void }) {
  return (
    <View className="map-stack">
      <View className="map-stack__head">
        <Text className="map-stack__title">此处有 {points.length} 个</Text>
        <Text className="map-stack__close" onClick={onClose}>
          收起
        </Text>
      </View>
      {points.map((p) => (
        <Text key={p.id} className={`map-stack__item map-stack__item--${p.colour}`} data-id={p.id} onClick={() => onOpen(p.id)}>
          {p.label ? `${p.label}. ` : ""}
          {p.title}
        </Text>
      ))}
    </View>
  );
}
