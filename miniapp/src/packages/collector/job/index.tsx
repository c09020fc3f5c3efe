import { type CollectorJob, PICKUP_STATUS_LABELS } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro, { useRouter } from "@tarojs/taro";
import { useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { PhotoStrip } from "../../../components/PhotoStrip";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { canRetry, isCollector, pageError } from "../access";
import { collectorJobs } from "../api";
import { ContactBlock } from "../components/ContactActions";
import { cityToday, dateLabel, dateParam, itemsText, monthDay, streetName, windowLabel } from "../format";
import { JOBS_PAGE } from "../routes";
import { CompleteForm } from "./CompleteForm";
import { ReleaseForm } from "./ReleaseForm";
import { UnableForm } from "./UnableForm";
import { useJobAction } from "./useJobAction";
import "../collector.css";

/*
 * One job I hold: who and where, then 到达, 完成收运 (photos, items taken, kg of recyclables), 无法收运
 * (reason, note, photo) or, before its day, 退单 with a reason.
 */
type Form = "complete" | "unable" | "release" | null;

const DONE_TEXT: Partial<Record<CollectorJob["status"], string>> = {
  completed: "本次收运已完成，感谢您的工作。",
  unable: "已上报无法收运，城管局会跟进处理。",
  cancelled: "居民已取消该预约，无需上门。",
  missed: "该预约已被居民上报未按约收运，请联系城管局。",
};

function JobActions(props: { job: CollectorJob; busy: boolean; onArrive: () => void; onForm: (f: Form) => void }) {
  const { job } = props;
  const beforeDay = job.date > cityToday();
  if (job.status !== "accepted" && job.status !== "arrived") return null;
  // Arriving, completing and "unable" belong to the collection day (the API answers 409 too_early before it).
  if (beforeDay) {
    return (
      <View className="job-actions">
        <Text className="page-note job-before-day">收运当天（{monthDay(job.date)}）才能标记到达和完成收运</Text>
        {job.status === "accepted" ? (
          <Button className="btn job-release" onClick={() => props.onForm("release")}>
            退单
          </Button>
        ) : null}
      </View>
    );
  }
  return (
    <View className="job-actions">
      {job.status === "accepted" ? (
        <Button className="btn btn-primary btn-large job-arrive" disabled={props.busy || undefined} onClick={props.onArrive}>
          {props.busy ? "提交中…" : "我已到达"}
        </Button>
      ) : null}
      <Button className="btn btn-primary btn-large job-complete" onClick={() => props.onForm("complete")}>
        完成收运
      </Button>
      <Button className="btn job-unable" onClick={() => props.onForm("unable")}>
        无法收运
      </Button>
    </View>
  );
}

export default function CollectorJobPage() {
  const session = useSession();
  const collector = isCollector(session);
  const params = useRouter().params;
  const id = params.id ?? "";
  const date = dateParam(params.date) ?? undefined;
  const key = collector && session && id ? `job:${session.token}:${id}:${date ?? "all"}` : null;
  const { state, reload } = useApiLoad(key, () => collectorJobs(date));
  const [answered, setAnswered] = useState<CollectorJob | null>(null);
  const [form, setForm] = useState<Form>(null);

  const loaded = state.status === "ok" ? (state.data.jobs.find((j) => j.id === id) ?? null) : null;
  const job = answered ?? loaded;
  const refresh = () => {
    setAnswered(null);
    setForm(null);
    reload();
  };
  const action = useJobAction(
    job,
    (next) => {
      setAnswered(next);
      setForm(null);
    },
    refresh,
  );

  const error = pageError(session, state.status === "error" ? state.error : null) ?? (id ? null : "缺少任务编号");
  const notHeld = state.status === "ok" && job !== null && !job.mine;
  const missing = state.status === "ok" && job === null;

  return (
    <PageContainer
      className="collector-page collector-job-page"
      title="收运任务"
      needsLogin={!session}
      loginHint="请使用回收员账号登录"
      loading={collector && state.status === "loading"}
      error={error}
      onRetry={canRetry(error) && id ? refresh : undefined}
      empty={missing}
      emptyText="该任务不在您的任务中（可能已完成、已退单或已被取消）"
    >
      {job ? (
        <View className="job-detail">
          <View className="card job-summary">
            <View className="job-card__head">
              <Text className="job-card__street">{streetName(job.streetCode)}</Text>
              <Text className={`job-status job-status--${job.status}`}>{PICKUP_STATUS_LABELS[job.status]}</Text>
            </View>
            <Text className="job-card__when">
              {dateLabel(job.date)} · {windowLabel(job.window)}
            </Text>
            <Text className="job-card__items">{itemsText(job)}</Text>
            <Text className="job-card__volume">体积 {job.volumePoints} 点</Text>
            {job.mine ? <ContactBlock job={job} /> : null}
          </View>
          {job.mine && job.photos?.length ? (
            <View className="card job-photos">
              <Text className="section-title">居民拍摄的物品照片</Text>
              <PhotoStrip urls={job.photos.map((p) => p.url)} className="job-photos__strip" />
            </View>
          ) : null}
          {job.mine && job.outcome?.photos.length ? (
            <View className="card job-outcome-photos">
              <Text className="section-title">现场照片</Text>
              <PhotoStrip urls={job.outcome.photos.map((p) => p.url)} className="job-outcome-photos__strip" />
            </View>
          ) : null}
          {notHeld ? <Text className="card job-done job-released">该任务已退回，重新开放给其他回收员。</Text> : null}
          {job.mine && DONE_TEXT[job.status] ? <Text className="card job-done">{DONE_TEXT[job.status]}</Text> : null}
          {action.message ? <Text className="form-error job-action-error">{action.message}</Text> : null}
          {job.mine && form === null ? (
            <JobActions job={job} busy={action.busy} onArrive={() => void action.run("arrive", undefined)} onForm={setForm} />
          ) : null}
          {job.mine && form === "complete" ? <CompleteForm job={job} run={action.run} onClose={() => setForm(null)} /> : null}
          {job.mine && form === "unable" ? <UnableForm job={job} run={action.run} onClose={() => setForm(null)} /> : null}
          {job.mine && form === "release" ? <ReleaseForm run={action.run} onClose={() => setForm(null)} /> : null}
          {!job.mine || DONE_TEXT[job.status] ? (
            <Button className="btn back-to-jobs" onClick={() => void Taro.redirectTo({ url: JOBS_PAGE })}>
              返回任务列表
            </Button>
          ) : null}
        </View>
      ) : null}
    </PageContainer>
  );
}
