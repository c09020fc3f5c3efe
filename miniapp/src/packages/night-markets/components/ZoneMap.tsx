import type { LatLng, MarketZoneSummary } from "@civic/shared";
import { CivicMap } from "../../../components/map";
import { ZONE_COLOURS, ZONE_LEGEND } from "../../../markets/colours";

/* Zones on the one map: each drawn as its area, coloured by its state (as on 附近), with a numbered marker at its centre. */

type MappedZone = Pick<MarketZoneSummary, "id" | "name" | "lat" | "lng" | "area"> & { status: Pick<MarketZoneSummary["status"], "state"> };

export function ZoneMap(props: {
  centre: LatLng;
  radius: number;
  zones: readonly MappedZone[];
  numbered?: boolean;
  onOpen: (id: string) => void;
}) {
  const { centre, radius, zones, numbered = true, onOpen } = props;
  const colourOf = (z: MappedZone) => ZONE_COLOURS[z.status.state];
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
      legend={`${ZONE_LEGEND}。色块是摊区范围，编号同下方列表。`}
    />
  );
}
