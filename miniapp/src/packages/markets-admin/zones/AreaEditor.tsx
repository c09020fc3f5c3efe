import type { LatLng } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import { Chip } from "../../../components/Chip";
import { CivicMap } from "../../../components/map";
import { draftArea, type ZoneDraft } from "./draft";

/*
 * The zone's area drawn on the one map: a circle's centre is where the map is tapped (its radius typed),
 * a polygon gets a corner per tap. The shape as it stands is drawn under the taps.
 */
export function AreaEditor({ draft, start, onChange }: { draft: ZoneDraft; start: LatLng; onChange: (patch: Partial<ZoneDraft>) => void }) {
  const area = draftArea(draft);
  const pick = (p: LatLng) => {
    const at = { lat: Number(p.lat.toFixed(6)), lng: Number(p.lng.toFixed(6)) };
    if (draft.shape === "circle") onChange({ center: at });
    else onChange({ vertices: [...draft.vertices, at] });
  };
  const points =
    draft.shape === "circle"
      ? draft.center
        ? [{ id: "centre", title: "圆心", colour: "blue" as const, ...draft.center }]
        : []
      : draft.vertices.map((v, i) => ({ id: `v${i}`, title: `第 ${i + 1} 点`, colour: "blue" as const, label: String(i + 1), ...v }));
  const shapes = area ? [{ id: "draft", title: draft.name || "摊区", colour: "green" as const, ...area }] : [];
  const hint =
    draft.shape === "circle"
      ? draft.center
        ? "已选圆心；再点地图可移动圆心。"
        : "在地图上点一下，选定摊区的圆心。"
      : `已选 ${draft.vertices.length} 个点${draft.vertices.length < 3 ? "，至少需要 3 个点" : ""}；依次点击地图添加边界点。`;
  return (
    <View className="form-field zone-area-editor">
      <Text className="form-label">摊区范围</Text>
      <View className="chip-row">
        <Chip
          label="圆形（中心+半径）"
          className="area-shape-circle"
          active={draft.shape === "circle"}
          onTap={() => onChange({ shape: "circle" })}
        />
        <Chip
          label="多边形"
          className="area-shape-polygon"
          active={draft.shape === "polygon"}
          onTap={() => onChange({ shape: "polygon" })}
        />
      </View>
      <Text className="admin-hint zone-area-hint">{hint}</Text>
      <CivicMap
        className="zone-area-map"
        centre={area && draft.center ? draft.center : start}
        radius={400}
        points={points}
        shapes={shapes}
        onOpen={() => undefined}
        onPick={pick}
      />
      {draft.shape === "circle" ? (
        <View className="form-field">
          <Text className="form-label">半径（米，10–2000）</Text>
          <Input
            className="text-input zone-radius"
            type="number"
            value={draft.radiusM}
            maxlength={4}
            onInput={(e) => onChange({ radiusM: e.detail.value })}
          />
        </View>
      ) : (
        <View className="chip-row">
          <Button
            className="btn zone-vertex-undo"
            disabled={draft.vertices.length === 0 || undefined}
            onClick={() => onChange({ vertices: draft.vertices.slice(0, -1) })}
          >
            撤销上一点
          </Button>
          <Button
            className="btn zone-vertex-clear"
            disabled={draft.vertices.length === 0 || undefined}
            onClick={() => onChange({ vertices: [] })}
          >
            清除重画
          </Button>
        </View>
      )}
    </View>
  );
}
