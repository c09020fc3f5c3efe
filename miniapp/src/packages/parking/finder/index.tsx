import { View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { PlacePicker } from "../../../finders/components/PlacePicker";
import { ResultHeader } from "../../../finders/components/ResultHeader";
import { FinderToolbar, type FinderView } from "../../../finders/components/SearchControls";
import { formatDistance } from "../../../finders/format";
import { useSearchPlace } from "../../../finders/location";
import { useKeptSearch } from "../../../finders/useKeptSearch";
import { NO_PARKING_FILTERS, nearbyParking, PARKING_LIMIT, type ParkingFilters, type ParkingSearch } from "../api";
import { LotItem } from "../components/LotItem";
import { LotMap } from "../components/LotMap";
import { ParkingFilterBar } from "../components/ParkingFilterBar";
import "../parking.css";
import { parkingLotUrl } from "../routes";

/* 找停车: lots around a place, as a list or a map, with their live free spaces (honest about their age). */

const openLot = (id: string) => void Taro.navigateTo({ url: parkingLotUrl(id) });

export default function ParkingFinderPage() {
  const place = useSearchPlace();
  const [filters, setFilters] = useState<ParkingFilters>(NO_PARKING_FILTERS);
  const [radius, setRadius] = useState(1000);
  const [view, setView] = useState<FinderView>("list");

  const search: ParkingSearch | null = place ? { lat: place.lat, lng: place.lng, radius, filters } : null;
  const { state, reload, shown: lots, staleError, shownRadius } = useKeptSearch(search, nearbyParking, (a) => a.lots);

  const toolbar = place ? (
    <FinderToolbar place={place} radius={radius} onRadius={setRadius} view={view} onView={setView}>
      <ParkingFilterBar filters={filters} onChange={setFilters} />
    </FinderToolbar>
  ) : null;

  return (
    <PageContainer
      className="parking-finder-page"
      toolbar={toolbar}
      loading={state.status === "loading"}
      error={state.status === "error" && !staleError ? state.error : null}
      onRetry={reload}
      empty={state.status === "ok" && lots.length === 0}
      emptyText={`${formatDistance(radius)}内没有符合条件的停车场，可以扩大范围或减少筛选条件。`}
    >
      {place ? null : <PlacePicker intro="查找附近的停车场和实时剩余车位" action="查找我附近的停车场" />}
      {place && lots.length > 0 ? (
        <>
          <ResultHeader count={lots.length} limit={PARKING_LIMIT} radius={shownRadius} staleError={staleError} onRetry={reload} />
          {view === "map" ? <LotMap centre={place} radius={shownRadius} lots={lots} onOpen={openLot} /> : null}
          <View className="lot-list">
            {lots.map((l, i) => (
              <LotItem key={l.id} lot={l} index={view === "map" ? i : undefined} onOpen={openLot} />
            ))}
          </View>
        </>
      ) : null}
    </PageContainer>
  );
}
