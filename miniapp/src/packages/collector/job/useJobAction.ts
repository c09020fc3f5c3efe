import type { CollectorCompleteRequest, CollectorJob, CollectorUnableRequest } from "@civic/shared";
import Taro from "@tarojs/taro";
import { useState } from "react";
import type { ApiResult } from "../../../services/request";
import { arriveAtJob, completeJob, jobConflictMessage, releaseJob, reportUnable } from "../api";

/* Runs one action on the held job: busy while it runs, the job as answered on success, a message otherwise. */
export interface JobActionBodies {
  arrive: undefined;
  complete: CollectorCompleteRequest;
  unable: CollectorUnableRequest;
  release: { reason: string };
}
export type JobActionName = keyof JobActionBodies;
export type JobActionRunner = <A extends JobActionName>(action: A, body: JobActionBodies[A]) => Promise<boolean>;

const DONE_TOAST: Record<JobActionName, string> = {
  arrive: "已标记到达",
  complete: "已完成收运",
  unable: "已上报无法收运",
  release: "已退单",
};

function send(id: string, action: JobActionName, body: unknown): Promise<ApiResult<CollectorJob>> {
  if (action === "arrive") return arriveAtJob(id);
  if (action === "complete") return completeJob(id, body as CollectorCompleteRequest);
  if (action === "unable") return reportUnable(id, body as CollectorUnableRequest);
  return releaseJob(id, (body as { reason: string }).reason);
}

export function useJobAction(job: CollectorJob | null, onDone: (job: CollectorJob) => void, onConflict: () => void) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const run: JobActionRunner = async (action, body) => {
    if (!job || busy) return false;
    setBusy(true);
    setMessage(null);
    const res = await send(job.id, action, body);
    setBusy(false);
    if (res.ok) {
      onDone(res.data);
      void Taro.showToast({ title: DONE_TOAST[action], icon: "success" });
      return true;
    }
    if (res.status === 409 || res.status === 404) {
      setMessage(res.status === 404 ? "该任务已不在您的任务中" : jobConflictMessage(res, action === "release" ? "release" : "work"));
      onConflict();
      return false;
    }
    setMessage(res.message);
    return false;
  };
  return { run, busy, message };
}
