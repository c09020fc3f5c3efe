import type { LatLng, MarketZoneSummary, ZoneState } from "@civic/shared";
import { CivicMap, type MarkerColour } from "../../../components/map";

/* Zones on the one map: each drawn as its area, coloured by its state, with a numbered marker at its centre. */

export const ZONE_STATE_COLOURS: Record<ZoneState, MarkerColour> = { open: "green", opens_later: "amber", closed: "grey" };

type MappedZone = Pick<MarketZoneSummary, "id" | "name" | "lat" | "lng" | "area"> & { status: Pick<MarketZoneSummary["status"], "state"> };

export function ZoneMap(props: {
  centre: LatLng;
  radius: number;
  zones: readonly MappedZone[];
  numbered?: boolean;
  onOpen: (id: string) => void;
}) {
  const { centre, radius, zones, numbered = true, onOpen } = props;
  const colourOf = (z: MappedZone) => ZONE_STATE_COLOURS[z.status.state];
  const points = zones.map((z, i) => ({
    id: z.id,
    lat: z.lat,
    lng: z.lng,
    title: z.name,
    colour: colourOf(z),
    label: numbered ? String(i + 1) : undefined,
  }));
  const shapes = zones.map((z) => ({ id: z.id, title: z.name, colour: colourOf(z), ...z.area }));
  return (
    <CivicMap
      className="zone-map"
      centre={centre}
      radius={radius}
      points={points}
      shapes={shapes}
      onOpen={onOpen}
      legend="绿色：营业中 · 橙色：今晚开市 · 灰色：休市。色块是摊区范围，编号同下方列表。"
    />
  );
}
