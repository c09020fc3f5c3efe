import type { CollectorJob } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro, { useDidShow, usePullDownRefresh } from "@tarojs/taro";
import { useRef, useState } from "react";
import { Chip } from "../../../components/Chip";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { canRetry, isCollector, pageError } from "../access";
import { acceptJob, collectorJobs, jobConflictMessage } from "../api";
import { JobCard } from "../components/JobCard";
import { cityToday, cityTomorrow } from "../format";
import { dayPageUrl, jobPageUrl } from "../routes";
import "../collector.css";

/*
 * 接单: open bulky-waste jobs in my streets (street, window, items and volume only) and the jobs I hold,
 * for today, tomorrow or all coming days. Of collectors accepting the same job one wins; the others are
 * told 已被其他回收员接单 and see the list as it now is.
 */
type DateFilter = "all" | "today" | "tomorrow";

export default function CollectorJobsPage() {
  const session = useSession();
  const collector = isCollector(session);
  const [filter, setFilter] = useState<DateFilter>("all");
  const date = filter === "today" ? cityToday() : filter === "tomorrow" ? cityTomorrow() : undefined;
  const key = collector && session ? `jobs:${session.token}:${date ?? "all"}` : null;
  const { state, reload, replace } = useApiLoad(key, () => collectorJobs(date));
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; kind: "ok" | "error" } | null>(null);
  const shown = useRef(false);

  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });
  usePullDownRefresh(() => {
    reload();
    void Taro.stopPullDownRefresh();
  });

  const accept = async (job: CollectorJob) => {
    setBusy(job.id);
    setNotice(null);
    const res = await acceptJob(job.id);
    setBusy(null);
    if (res.ok) {
      if (state.status === "ok") replace({ ...state.data, jobs: state.data.jobs.map((j) => (j.id === job.id ? res.data : j)) });
      setNotice({ text: "接单成功，可在任务中查看地址和电话", kind: "ok" });
      void Taro.showToast({ title: "接单成功", icon: "success" });
      return;
    }
    const text = res.status === 409 ? jobConflictMessage(res, "accept") : res.status === 404 ? "该任务已不在您的服务街道内" : res.message;
    setNotice({ text, kind: "error" });
    void Taro.showToast({ title: text, icon: "none" });
    if (res.status === 409 || res.status === 404) reload();
  };

  const jobs = state.status === "ok" ? state.data.jobs : [];
  const mine = jobs.filter((j) => j.mine);
  const open = jobs.filter((j) => !j.mine);
  const error = pageError(session, state.status === "error" ? state.error : null);
  const openJob = (job: CollectorJob) => void Taro.navigateTo({ url: jobPageUrl(job.id, job.date) });

  return (
    <PageContainer
      className="collector-page collector-jobs-page"
      title="大件垃圾收运任务"
      subtitle="接单后才能看到地址和联系电话"
      needsLogin={!session}
      loginHint="请使用回收员账号登录"
      toolbar={
        collector ? (
          <View className="collector-toolbar">
            <View className="chip-row job-dates">
              <Chip label="近期全部" className="jobs-all" active={filter === "all"} onTap={() => setFilter("all")} />
              <Chip label="今天" className="jobs-today" active={filter === "today"} onTap={() => setFilter("today")} />
              <Chip label="明天" className="jobs-tomorrow" active={filter === "tomorrow"} onTap={() => setFilter("tomorrow")} />
            </View>
            <Button className="btn day-link" onClick={() => void Taro.navigateTo({ url: dayPageUrl(date ?? cityToday()) })}>
              我的收运路线
            </Button>
            {notice ? <Text className={`job-notice job-notice--${notice.kind}`}>{notice.text}</Text> : null}
          </View>
        ) : null
      }
      loading={collector && state.status === "loading"}
      error={error}
      onRetry={canRetry(error) ? reload : undefined}
      empty={state.status === "ok" && jobs.length === 0}
      emptyText="您服务的街道暂时没有待接的预约"
    >
      {mine.length > 0 ? (
        <View className="job-section job-section--mine">
          <Text className="section-title">我的任务（{mine.length}）</Text>
          {mine.map((job) => (
            <JobCard key={job.id} job={job} busy={false} onAccept={accept} onOpen={openJob} />
          ))}
        </View>
      ) : null}
      <View className="job-section job-section--open">
        <Text className="section-title">待接单（{open.length}）</Text>
        {open.length === 0 ? <Text className="page-note jobs-none-open">暂无待接的预约</Text> : null}
        {open.map((job) => (
          <JobCard key={job.id} job={job} busy={busy === job.id} onAccept={(j) => void accept(j)} onOpen={openJob} />
        ))}
      </View>
    </PageContainer>
  );
}
