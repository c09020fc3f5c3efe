import { distanceMetres, type PublicReport } from "@civic/shared";
import { Button, Image, Text, View } from "@tarojs/components";
import { useState } from "react";
import { CITY_DISTRICTS } from "../../city/districts";
import { PageContainer } from "../../components/PageContainer";
import { photoSrc, publicReports } from "../../reports/api";
import { peopleReporting } from "../../reports/caseText";
import { StatusBadge } from "../../reports/components/ReportListItem";
import { ReportMap } from "../../reports/components/ReportMap";
import { openReportDetail } from "../../reports/navigation";
import { currentReportPoint } from "../../reports/reportLocation";
import { useApiLoad } from "../../services/useApiLoad";
import { formatDistance } from "../../ui/formatDistance";
import { formatCityTime } from "../../ui/formatTime";

/* 身边的上报: problems other residents reported near me (accepted cases only, locations coarsened), on a map and as a list. */
interface Place {
  lat: number;
  lng: number;
  label: string;
}

const RADIUS = 1000;

function PublicReportItem({ report, centre }: { report: PublicReport; centre: Place }) {
  const thumb = report.photoUrls[0];
  return (
    <View className="card report-item public-report-item" data-id={report.id} onClick={() => openReportDetail(report.id)}>
      {thumb ? <Image className="report-thumb" src={photoSrc(thumb)} mode="aspectFill" /> : null}
      <View className="report-item__body">
        <View className="report-item__head">
          <StatusBadge status={report.status} />
          <Text className="report-distance">约 {formatDistance(distanceMetres(centre, report.location))}</Text>
        </View>
        <Text className="report-category">{report.categoryName}</Text>
        <Text className="report-description">{report.description}</Text>
        <Text className="report-time">
          {formatCityTime(report.createdAt)} · {peopleReporting(report.followers)} 人反映
        </Text>
      </View>
    </View>
  );
}

function PlaceChooser({ onPlace }: { onPlace: (p: Place) => void }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const locate = async () => {
    setBusy(true);
    setMessage(null);
    const outcome = await currentReportPoint();
    setBusy(false);
    if (outcome.ok) onPlace({ lat: outcome.point.lat, lng: outcome.point.lng, label: "我的位置" });
    else setMessage(outcome.message);
  };
  return (
    <View className="place-picker">
      <Text className="place-picker__intro">看看附近有哪些问题已经有人反映、处理到了哪一步</Text>
      <Button className="btn btn-primary btn-large locate-me" disabled={busy || undefined} onClick={() => void locate()}>
        {busy ? "正在定位…" : "查看我附近的上报"}
      </Button>
      {message ? <Text className="locate-message">{message}</Text> : null}
      <Text className="section-title">或选择所在区域</Text>
      <View className="district-list">
        {CITY_DISTRICTS.map((d) => (
          <Text
            key={d.id}
            className={`district-item district-${d.id}`}
            onClick={() => onPlace({ lat: d.lat, lng: d.lng, label: `${d.name}中心` })}
          >
            {d.name}
          </Text>
        ))}
      </View>
    </View>
  );
}

export default function PublicReportsMapPage() {
  const [place, setPlace] = useState<Place | null>(null);
  const { state, reload } = useApiLoad(place ? `${place.lat},${place.lng}` : null, () => publicReports(place!.lat, place!.lng, RADIUS));
  const reports = state.status === "ok" ? state.data.reports : [];
  const toolbar = place ? (
    <View className="place-bar">
      <Text className="place-label">{place.label}附近 1 公里</Text>
      <Text className="change-place" onClick={() => setPlace(null)}>
        更换位置
      </Text>
    </View>
  ) : null;
  return (
    <PageContainer
      className="reports-map-page"
      title="身边的上报"
      toolbar={toolbar}
      loading={state.status === "loading"}
      error={state.status === "error" ? state.error : null}
      onRetry={reload}
      empty={state.status === "ok" && reports.length === 0}
      emptyText="附近 1 公里内暂时没有公开的上报。"
    >
      {place ? null : <PlaceChooser onPlace={setPlace} />}
      {place && reports.length > 0 ? (
        <>
          <Text className="result-count">附近有 {reports.length} 条上报</Text>
          <ReportMap centre={place} radius={RADIUS} reports={reports} onOpen={openReportDetail} />
          <View className="report-list">
            {reports.map((r) => (
              <PublicReportItem key={r.id} report={r} centre={place} />
            ))}
          </View>
        </>
      ) : null}
    </PageContainer>
  );
}
