import { useState } from "react";
import { PageContainer } from "../../components/PageContainer";
import { NEARBY_LIMIT, type NearbySearch, NO_FILTERS, nearbyToilets, type ToiletFilters } from "../../finders/api";
import { PlacePicker } from "../../finders/components/PlacePicker";
import { ResultHeader } from "../../finders/components/ResultHeader";
import { FilterBar, FinderToolbar, type FinderView } from "../../finders/components/SearchControls";
import { openToiletDetail, ToiletList } from "../../finders/components/ToiletList";
import { ToiletMap } from "../../finders/components/ToiletMap";
import { formatDistance } from "../../finders/format";
import { useSearchPlace } from "../../finders/location";
import { useKeptSearch } from "../../finders/useKeptSearch";

/* 找厕所: public toilets around a place, as a list or a map, with filters and a search radius. */
export default function ToiletFinderPage() {
  const place = useSearchPlace();
  const [filters, setFilters] = useState<ToiletFilters>(NO_FILTERS);
  const [radius, setRadius] = useState(1000);
  const [view, setView] = useState<FinderView>("list");

  const search: NearbySearch | null = place ? { lat: place.lat, lng: place.lng, radius, filters } : null;
  const { state, reload, shown: toilets, staleError, shownRadius } = useKeptSearch(search, nearbyToilets, (a) => a.toilets);

  const toolbar = place ? (
    <FinderToolbar place={place} radius={radius} onRadius={setRadius} view={view} onView={setView}>
      <FilterBar filters={filters} onChange={setFilters} />
    </FinderToolbar>
  ) : null;

  return (
    <PageContainer
      className="toilet-finder-page"
      toolbar={toolbar}
      loading={state.status === "loading"}
      error={state.status === "error" && !staleError ? state.error : null}
      onRetry={reload}
      empty={state.status === "ok" && toilets.length === 0}
      emptyText={`${formatDistance(radius)}内没有符合条件的厕所，可以扩大范围或减少筛选条件。`}
    >
      {place ? null : <PlacePicker intro="查找附近的公共厕所（含开放联盟的商户卫生间）" />}
      {place && toilets.length > 0 ? (
        <>
          <ResultHeader count={toilets.length} limit={NEARBY_LIMIT} radius={shownRadius} staleError={staleError} onRetry={reload} />
          {view === "map" ? <ToiletMap centre={place} radius={shownRadius} toilets={toilets} onOpen={openToiletDetail} /> : null}
          <ToiletList toilets={toilets} numbered={view === "map"} />
        </>
      ) : null}
    </PageContainer>
  );
}
