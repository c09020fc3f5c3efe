import { type CollectorRoute, distanceMetres, PICKUP_STATUS_LABELS } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro, { useDidShow, useRouter } from "@tarojs/taro";
import { useRef, useState } from "react";
import { CivicMap, type MapPoint } from "../../../components/map";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { canRetry, isCollector, pageError } from "../access";
import { collectorRoute } from "../api";
import { ContactBlock } from "../components/ContactActions";
import { DateSwitch } from "../components/DateSwitch";
import { cityToday, dateLabel, dateParam, itemsText, metersText, windowLabel } from "../format";
import { routeStart } from "../position";
import { jobPageUrl, WEIGH_PAGE } from "../routes";
import "../collector.css";

/*
 * 我的收运路线: the jobs I hold on one date in route order (nearest neighbour from where I am, when the
 * phone's position is granted), each with its leg, address, phone, access notes, placement and
 * navigation, and all of them on the map.
 */
async function loadRoute(date: string) {
  return collectorRoute(date, await routeStart());
}

/** The map's view: centred on the start (or first stop), wide enough to show every stop. */
function mapView(route: CollectorRoute) {
  const points = route.stops.flatMap((s) => (s.job.contact ? [s.job.contact.location] : []));
  const centre = route.start ?? points[0] ?? null;
  if (!centre) return null;
  const radius = Math.max(500, ...points.map((p) => Math.ceil(distanceMetres(centre, p))));
  return { centre, radius };
}

function RouteMap({ route, onOpen }: { route: CollectorRoute; onOpen: (id: string) => void }) {
  const view = mapView(route);
  if (!view) return null;
  const points: MapPoint[] = route.stops.flatMap((s) =>
    s.job.contact
      ? [
          {
            id: s.job.id,
            lat: s.job.contact.location.lat,
            lng: s.job.contact.location.lng,
            title: `${s.order}. ${s.job.contact.address}`,
            label: String(s.order),
            colour: s.job.status === "arrived" ? "amber" : "green",
          },
        ]
      : [],
  );
  return (
    <CivicMap className="route-map" centre={view.centre} radius={view.radius} points={points} onOpen={onOpen} legend="数字为收运顺序" />
  );
}

export default function CollectorDayPage() {
  const session = useSession();
  const collector = isCollector(session);
  const router = useRouter();
  const [date, setDate] = useState(() => dateParam(router.params.date) ?? cityToday());
  const key = collector && session ? `route:${session.token}:${date}` : null;
  const { state, reload } = useApiLoad(key, () => loadRoute(date));
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });

  const error = pageError(session, state.status === "error" ? state.error : null);
  const route = state.status === "ok" ? state.data : null;
  const open = (id: string) => void Taro.navigateTo({ url: jobPageUrl(id, date) });

  return (
    <PageContainer
      className="collector-page collector-day-page"
      title="我的收运路线"
      subtitle={`${dateLabel(date)}：上午的任务在前，同一时段内按就近顺序排列`}
      needsLogin={!session}
      loginHint="请使用回收员账号登录"
      toolbar={collector ? <DateSwitch date={date} onChange={setDate} /> : null}
      loading={collector && state.status === "loading"}
      error={error}
      onRetry={canRetry(error) ? reload : undefined}
      empty={route !== null && route.stops.length === 0}
      emptyText="这一天还没有您接下的任务，可到“收运任务”接单"
      footer={
        collector ? (
          <Button className="btn btn-large weigh-entry" onClick={() => void Taro.navigateTo({ url: WEIGH_PAGE })}>
            扫码称重（可回收物积分）
          </Button>
        ) : null
      }
    >
      {route ? (
        <>
          <Text className="route-summary">
            共 {route.stops.length} 站，全程约 {metersText(route.totalMeters)}
            {route.start ? "（从您当前位置出发）" : "（从第一站出发）"}
          </Text>
          <RouteMap route={route} onOpen={open} />
          <View className="route-stops">
            {route.stops.map((stop) => (
              <View key={stop.job.id} className={`card route-stop route-stop--${stop.job.status}`} data-id={stop.job.id}>
                <View className="route-stop__head">
                  <Text className="route-stop__order">{stop.order}</Text>
                  <Text className="route-stop__leg">距上一站 {metersText(stop.legMeters)}</Text>
                  <Text className={`job-status job-status--${stop.job.status}`}>{PICKUP_STATUS_LABELS[stop.job.status]}</Text>
                </View>
                <Text className="route-stop__when">{windowLabel(stop.job.window)}</Text>
                <Text className="route-stop__items">{itemsText(stop.job)}</Text>
                <ContactBlock job={stop.job} />
                <Button className="btn btn-primary route-stop__open" onClick={() => open(stop.job.id)}>
                  到达 / 完成收运
                </Button>
              </View>
            ))}
          </View>
        </>
      ) : null}
    </PageContainer>
  );
}
