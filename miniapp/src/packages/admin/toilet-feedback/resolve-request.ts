import {
  addCityDays,
  closureUntilProblem,
  everyDay,
  OpeningHours,
  type ResolveToiletFeedbackRequest,
  type ToiletDetail,
  type ToiletUpdate,
} from "@civic/shared";

/*
 * What the admin chose on a feedback card, and the one resolve request it becomes (checked here with the
 * shared rules, so a mistake is named before anything is sent).
 */

export type ActionChoice = "temporary_closure" | "update" | "deactivate" | "none";

export const ACTION_LABELS: Record<ActionChoice, string> = {
  temporary_closure: "暂停开放",
  update: "修改开放时间或设施",
  deactivate: "停用",
  none: "仅标记已处理",
};

export type HoursMode = "always" | "daily" | "unknown";
export type Facility = "free" | "accessible" | "thirdToilet" | "babyCare";
export const FACILITY_LABELS: Record<Facility, string> = {
  free: "免费",
  accessible: "无障碍",
  thirdToilet: "第三卫生间",
  babyCare: "母婴室",
};

export interface UpdateDraft {
  hoursMode: HoursMode | null;
  open: string;
  close: string;
  facilities: Partial<Record<Facility, boolean>>;
}

export interface ResolveDraft {
  choice: ActionChoice;
  until: string;
  reason: string;
  update: UpdateDraft;
  outcome: string;
  reply: string;
}

export const newDraft = (today: string): ResolveDraft => ({
  choice: "none",
  until: addCityDays(today, 6),
  reason: "",
  update: { hoursMode: null, open: "06:00", close: "22:00", facilities: {} },
  outcome: "",
  reply: "",
});

/** The weekly hours the compact editor describes, or null when it does not change them. */
function hoursOf(d: UpdateDraft): OpeningHours | null | string {
  if (d.hoursMode === null) return null;
  if (d.hoursMode !== "daily") return { kind: d.hoursMode };
  const parsed = OpeningHours.safeParse(everyDay({ open: d.open, close: d.close }));
  return parsed.success ? parsed.data : "开放时间请填写 HH:MM，如 06:00 至 22:00";
}

/** Only what differs from the toilet as it is. */
function patchOf(d: UpdateDraft, toilet: ToiletDetail | null): ToiletUpdate | string {
  const patch: ToiletUpdate = {};
  const hours = hoursOf(d);
  if (typeof hours === "string") return hours;
  if (hours) patch.hours = hours;
  for (const [key, value] of Object.entries(d.facilities) as [Facility, boolean][]) {
    if (toilet?.[key] !== value) patch[key] = value;
  }
  return Object.keys(patch).length > 0 ? patch : "请修改开放时间或至少一项设施";
}

export function buildResolveRequest(
  d: ResolveDraft,
  today: string,
  toilet: ToiletDetail | null,
): { ok: true; body: ResolveToiletFeedbackRequest } | { ok: false; message: string } {
  const outcome = d.outcome.trim();
  if (!outcome) return { ok: false, message: "请填写处理说明" };
  const reply = d.reply.trim();
  const body: ResolveToiletFeedbackRequest = { outcome, ...(reply ? { replyToResident: reply } : {}) };
  if (d.choice === "temporary_closure") {
    const problem = closureUntilProblem(d.until, today);
    if (problem) return { ok: false, message: "暂停开放的结束日期须在今天到一年之内" };
    const reason = d.reason.trim();
    if (!reason) return { ok: false, message: "请填写暂停开放的原因" };
    body.action = { type: "temporary_closure", until: d.until, reason };
  } else if (d.choice === "update") {
    const patch = patchOf(d.update, toilet);
    if (typeof patch === "string") return { ok: false, message: patch };
    body.action = { type: "update", patch };
  } else if (d.choice === "deactivate") {
    body.action = { type: "deactivate" };
  }
  return { ok: true, body };
}
