import type { Category } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useEffect, useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { createReport, followReport, nearbyDuplicates, reportCategories } from "../../../reports/api";
import { CategoryStep } from "../../../reports/components/CategoryStep";
import { ConfirmStep } from "../../../reports/components/ConfirmStep";
import { DetailsStep } from "../../../reports/components/DetailsStep";
import { LeavePrompt, ResumePrompt } from "../../../reports/components/DraftPrompts";
import { LocationStep } from "../../../reports/components/LocationStep";
import { PhotoStep } from "../../../reports/components/PhotoStep";
import { attributeProblemsZh, descriptionProblemZh, emptyDraft, type ReportDraft, toCreateRequest } from "../../../reports/draft";
import { detailUrl } from "../../../reports/navigation";
import { askForStatusMessages, submitErrorZh } from "../../../reports/submit";
import { useDraftKeeping } from "../../../reports/useDraftKeeping";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";

/*
 * 随手拍: the report wizard. Category, photos, place, description; then the nearby-duplicates check
 * and submit. The draft is kept in storage as it changes (useDraftKeeping): leaving asks first, and the
 * next visit offers it back. Submitting opens the report's page with its receipt (case number, due time).
 */
const STEPS = [
  { id: "category", title: "问题类型" },
  { id: "photos", title: "现场照片" },
  { id: "location", title: "问题位置" },
  { id: "details", title: "问题描述" },
  { id: "confirm", title: "确认提交" },
] as const;
type StepId = (typeof STEPS)[number]["id"];

function stepProblem(step: StepId, draft: ReportDraft): string | null {
  switch (step) {
    case "category":
      return draft.category ? null : "请选择问题类型";
    case "photos":
      if (draft.photos.some((p) => p.status === "uploading")) return "照片还在上传，请稍候";
      if (draft.photos.some((p) => p.status === "failed")) return "有照片上传失败，请重试或删除";
      return draft.photos.length === 0 ? "请至少拍一张现场照片" : null;
    case "location":
      if (!draft.location) return "请选择问题所在的位置";
      return draft.address.trim() ? null : "请填写详细地址";
    default:
      return null;
  }
}

function StepBar({ current }: { current: number }) {
  return (
    <View className="wizard-steps">
      {STEPS.map((s, i) => (
        <Text
          key={s.id}
          className={`wizard-step wizard-step--${s.id}${i === current ? " is-current" : ""}${i < current ? " is-done" : ""}`}
        >
          {i + 1}. {s.title}
        </Text>
      ))}
    </View>
  );
}

export default function NewReportPage() {
  const session = useSession();
  const categories = useApiLoad("report-categories", reportCategories);
  const [draft, setDraft] = useState<ReportDraft>(emptyDraft);
  const [stepIndex, setStepIndex] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [detailErrors, setDetailErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const step = STEPS[stepIndex]?.id ?? "category";
  const keeping = useDraftKeeping({
    userId: session?.user.id ?? null,
    categories: categories.state.status === "ok" ? categories.state.data.categories : null,
    draft,
    step: stepIndex,
    restore: (saved, savedStep) => {
      setDraft(saved);
      // A draft whose category was retired starts again at choosing one.
      setStepIndex(saved.category ? Math.min(savedStep, STEPS.length - 1) : 0);
    },
  });

  const dupKey =
    step === "confirm" && draft.category && draft.location ? `${draft.category.code}:${draft.location.lat}:${draft.location.lng}` : null;
  const duplicates = useApiLoad(dupKey, () => nearbyDuplicates(draft.category!.code, draft.location!.lat, draft.location!.lng));

  const update = (change: Partial<ReportDraft>) => setDraft((d) => ({ ...d, ...change }));
  // The hint answers the last 下一步; once the draft changes (a photo arrives, a field is filled) it is stale.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every draft change by design
  useEffect(() => setProblem(null), [draft]);
  const goTo = (index: number) => {
    setProblem(null);
    setSubmitError(null);
    setStepIndex(index);
  };

  const next = () => {
    if (step === "details") {
      const errors = attributeProblemsZh(draft.category?.attributes ?? [], draft.attributes);
      const description = descriptionProblemZh(draft.description);
      if (description) errors.description = description;
      setDetailErrors(errors);
      if (Object.keys(errors).length > 0) {
        setProblem("请按提示修改后再继续");
        return;
      }
    }
    const p = stepProblem(step, draft);
    if (p) {
      setProblem(p);
      return;
    }
    goTo(stepIndex + 1);
  };

  const selectCategory = (c: Category) => {
    setDraft((d) => ({ ...d, category: c, attributes: d.category?.code === c.code ? d.attributes : {} }));
    setDetailErrors({});
    goTo(1);
  };

  const follow = async (id: string) => {
    if (busy) return;
    setBusy(true);
    setSubmitError(null);
    const res = await followReport(id);
    setBusy(false);
    if (!res.ok) {
      setSubmitError(submitErrorZh(res, draft.category));
      return;
    }
    keeping.release();
    void Taro.showToast({ title: "已关注，处理进展会通知您", icon: "none" });
    void Taro.redirectTo({ url: detailUrl(id) });
  };

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setSubmitError(null);
    const subscriptions = await askForStatusMessages();
    const request = toCreateRequest(draft, subscriptions);
    if (!request) {
      setBusy(false);
      setSubmitError("上报内容不完整，请返回检查");
      return;
    }
    const res = await createReport(request, draft.idempotencyKey);
    setBusy(false);
    if (!res.ok) {
      setSubmitError(submitErrorZh(res, draft.category));
      return;
    }
    keeping.release();
    void Taro.showToast({ title: "上报成功", icon: "success" });
    void Taro.redirectTo({ url: `${detailUrl(res.data.id)}&receipt=1` });
  };

  const footer =
    session && categories.state.status === "ok" ? (
      <View className="wizard-nav">
        {problem ? <Text className="field-error wizard-problem">{problem}</Text> : null}
        {step !== "category" && step !== "confirm" ? (
          <Button className="btn btn-primary btn-large wizard-next" onClick={next}>
            下一步
          </Button>
        ) : null}
        {stepIndex > 0 ? (
          <Button className="btn btn-large wizard-back" disabled={busy || undefined} onClick={() => goTo(stepIndex - 1)}>
            上一步
          </Button>
        ) : null}
      </View>
    ) : null;

  return (
    <PageContainer
      className="report-wizard-page"
      title="随手拍"
      subtitle={`第 ${stepIndex + 1} 步，共 ${STEPS.length} 步：${STEPS[stepIndex]?.title ?? ""}`}
      needsLogin={!session}
      loginHint="登录后才能上报问题"
      loading={categories.state.status === "loading"}
      error={categories.state.status === "error" ? categories.state.error : null}
      onRetry={categories.reload}
      toolbar={<StepBar current={stepIndex} />}
      footer={footer}
    >
      {keeping.leaving ? <LeavePrompt onStay={keeping.stay} onLeave={keeping.leave} /> : null}
      {keeping.offer && categories.state.status === "ok" ? (
        <ResumePrompt saved={keeping.offer} onResume={keeping.resume} onRestart={keeping.restart} />
      ) : null}
      {categories.state.status === "ok" && step === "category" && !keeping.offer ? (
        <CategoryStep categories={categories.state.data.categories} selected={draft.category} onSelect={selectCategory} />
      ) : null}
      {step === "photos" ? <PhotoStep photos={draft.photos} setPhotos={(fn) => setDraft((d) => ({ ...d, photos: fn(d.photos) }))} /> : null}
      {step === "location" ? (
        <LocationStep
          location={draft.location}
          address={draft.address}
          onLocation={(location, address) => setDraft((d) => ({ ...d, location, address: address ?? d.address }))}
          onAddress={(address) => update({ address })}
        />
      ) : null}
      {step === "details" && draft.category ? (
        <DetailsStep
          category={draft.category}
          description={draft.description}
          attributes={draft.attributes}
          errors={detailErrors}
          onDescription={(description) => update({ description })}
          onAttribute={(code, value) => setDraft((d) => ({ ...d, attributes: { ...d.attributes, [code]: value } }))}
        />
      ) : null}
      {step === "confirm" ? (
        <ConfirmStep
          draft={draft}
          duplicates={duplicates.state}
          onRetryDuplicates={duplicates.reload}
          busy={busy}
          submitError={submitError}
          onFollow={(id) => void follow(id)}
          onSubmit={() => void submit()}
        />
      ) : null}
    </PageContainer>
  );
}
