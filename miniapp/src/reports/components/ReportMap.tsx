import { type LatLng, type PublicReport, REPORT_STATUS_LABELS, type ReportStatus } from "@civic/shared";
import { CivicMap, type MarkerColour } from "../../components/map";

export interface ReportMapProps {
  centre: LatLng;
  radius: number;
  reports: readonly PublicReport[];
  onOpen: (id: string) => void;
}

/** The same colours as the status badges: waiting amber, in hand blue, done green, rejected red. */
export const REPORT_STATUS_COLOURS: Record<ReportStatus, MarkerColour> = {
  submitted: "amber",
  reopened: "amber",
  accepted: "blue",
  dispatched: "blue",
  resolved: "green",
  closed: "green",
  rejected: "red",
};

/* Public reports around a point on the one map component, at their coarsened locations. */
export function ReportMap({ centre, radius, reports, onOpen }: ReportMapProps) {
  const points = reports.map((r) => ({
    id: r.id,
    lat: r.location.lat,
    lng: r.location.lng,
    title: `${r.categoryName}（${REPORT_STATUS_LABELS[r.status]}）`,
    colour: REPORT_STATUS_COLOURS[r.status],
  }));
  return (
    <CivicMap
      className="report-map"
      centre={centre}
      radius={radius}
      points={points}
      onOpen={onOpen}
      legend="位置已做模糊处理（约 100 米）。橙色：待处理 · 蓝色：处置中 · 绿色：已处理。点击查看详情。"
    />
  );
}
