import type { LatLng, OpenState, ToiletSummary } from "@civic/shared";
import { CivicMap, type MarkerColour } from "../../components/map";

export interface ToiletMapProps {
  centre: LatLng;
  radius: number;
  toilets: readonly ToiletSummary[];
  onOpen: (id: string) => void;
}

const OPEN_COLOURS: Record<OpenState, MarkerColour> = { open: "green", closed: "grey", unknown: "amber" };

/* The finder's map view: the one map component, markers numbered as the list below and coloured by open-now (a temporary closure reads closed: grey). */
export function ToiletMap({ centre, radius, toilets, onOpen }: ToiletMapProps) {
  const points = toilets.map((t, i) => ({
    id: t.id,
    lat: t.lat,
    lng: t.lng,
    title: t.temporaryClosure ? `${t.name}（暂停开放）` : t.name,
    colour: OPEN_COLOURS[t.openNow],
    label: String(i + 1),
  }));
  return (
    <CivicMap
      className="toilet-map"
      centre={centre}
      radius={radius}
      points={points}
      onOpen={onOpen}
      legend="绿色：营业中 · 灰色：已关闭或暂停开放 · 橙色：时间未知。编号同下方列表，大圆圈是一处的数量，点击放大。"
    />
  );
}
