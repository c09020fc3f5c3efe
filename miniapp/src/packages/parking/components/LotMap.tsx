import type { LatLng, ParkingLotSummary } from "@civic/shared";
import { CivicMap } from "../../../components/map";
import { BAND_COLOURS, BAND_LEGEND } from "../../../parking/colours";

/* The finder's map view: the one map component, markers numbered as the list and coloured by occupancy band. */
export function LotMap(props: { centre: LatLng; radius: number; lots: readonly ParkingLotSummary[]; onOpen: (id: string) => void }) {
  const points = props.lots.map((l, i) => ({
    id: l.id,
    lat: l.lat,
    lng: l.lng,
    title: l.name,
    colour: BAND_COLOURS[l.live.band],
    label: String(i + 1),
  }));
  return (
    <CivicMap
      className="parking-map"
      centre={props.centre}
      radius={props.radius}
      points={points}
      onOpen={props.onOpen}
      legend={`${BAND_LEGEND}。编号同下方列表。`}
    />
  );
}
