import { distanceMetres, TOILET_KIND_LABELS, type ToiletDetail } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro, { useRouter } from "@tarojs/taro";
import { useState } from "react";
import { NavigateButton } from "../../components/navigate/NavigateButton";
import { PageContainer } from "../../components/PageContainer";
import { toiletDetail } from "../../finders/api";
import { ClosureNotice } from "../../finders/components/ClosureNotice";
import { FeedbackForm } from "../../finders/components/FeedbackForm";
import { HoursTable } from "../../finders/components/HoursTable";
import { OpenBadge, ToiletTags } from "../../finders/components/ToiletItem";
import { formatDistance } from "../../finders/format";
import { useSearchPlace } from "../../finders/location";
import { goToLogin } from "../../services/loginRedirect";
import { getSession } from "../../services/session";
import { useApiLoad } from "../../services/useApiLoad";

/* One toilet: everything known about it, each day's hours, navigation and "report a problem". */

function InfoRow({ label, value, className }: { label: string; value: string; className: string }) {
  return (
    <View className={`info-row ${className}`}>
      <Text className="info-row__label">{label}</Text>
      <Text className="info-row__value">{value}</Text>
    </View>
  );
}

function ToiletInfo({ toilet }: { toilet: ToiletDetail }) {
  const place = useSearchPlace();
  const distance = place ? formatDistance(distanceMetres(place, toilet)) : null;
  return (
    <View className="card toilet-detail">
      <Text className="toilet-name toilet-detail__name">{toilet.name}</Text>
      <View className="toilet-item__meta">
        <OpenBadge state={toilet.openNow} />
        <Text className="toilet-kind">{TOILET_KIND_LABELS[toilet.kind]}</Text>
        <ToiletTags toilet={toilet} />
      </View>
      <ClosureNotice closure={toilet.temporaryClosure} />
      {toilet.active ? null : <Text className="toilet-inactive">已停用：{toilet.deactivatedReason ?? "原因未说明"}</Text>}
      <InfoRow className="toilet-address" label="地址" value={toilet.address} />
      <InfoRow className="toilet-area" label="区域" value={[toilet.district, toilet.street].filter(Boolean).join(" ")} />
      {distance && place ? <InfoRow className="toilet-detail-distance" label="距离" value={`距${place.label} ${distance}`} /> : null}
      <InfoRow className="toilet-fee" label="收费" value={toilet.free ? "免费" : (toilet.feeNote ?? "收费")} />
      <InfoRow className="toilet-stalls" label="厕位" value={toilet.stalls === null ? "未知" : `${toilet.stalls} 个`} />
      <InfoRow className="toilet-accessible" label="无障碍" value={toilet.accessible ? "有无障碍设施" : "无"} />
      <InfoRow className="toilet-third" label="第三卫生间" value={toilet.thirdToilet ? "有" : "无"} />
      <InfoRow className="toilet-baby-care" label="母婴室" value={toilet.babyCare ? "有" : "无"} />
      <InfoRow className="toilet-unit" label="管理单位" value={toilet.managingUnit ?? "未知"} />
      <InfoRow className="toilet-verified" label="最近核实" value={toilet.lastVerified ?? "未核实"} />
    </View>
  );
}

export default function ToiletDetailPage() {
  const id = useRouter().params.id ?? null;
  const { state, reload } = useApiLoad(id, () => toiletDetail(id!));
  const [reporting, setReporting] = useState(false);
  const [reported, setReported] = useState(false);
  const toilet = state.status === "ok" ? state.data : null;

  const startReport = () => {
    if (!getSession()) {
      goToLogin();
      return;
    }
    setReporting(true);
  };
  const reportDone = () => {
    setReporting(false);
    setReported(true);
    void Taro.showToast({ title: "已提交，感谢反馈", icon: "success" });
  };

  return (
    <PageContainer
      className="toilet-detail-page"
      loading={state.status === "loading"}
      error={id === null ? "缺少厕所编号，请从列表重新进入" : state.status === "error" ? state.error : null}
      onRetry={id === null ? undefined : reload}
    >
      {toilet ? (
        <>
          <ToiletInfo toilet={toilet} />
          <View className="card">
            <Text className="section-title">开放时间</Text>
            <HoursTable hours={toilet.hours} />
          </View>
          <View className="page-actions">
            <NavigateButton target={toilet} />
            {reported ? (
              <Text className="feedback-sent">已收到您的反馈，我们会尽快核实。</Text>
            ) : reporting ? null : (
              <Button className="btn report-button" onClick={startReport}>
                报告问题
              </Button>
            )}
          </View>
          {reporting ? (
            <View className="card">
              <FeedbackForm toiletId={toilet.id} onDone={reportDone} />
            </View>
          ) : null}
        </>
      ) : null}
    </PageContainer>
  );
}
