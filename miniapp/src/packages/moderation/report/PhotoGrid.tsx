import type { ContentCheck, ReportDetail } from "@civic/shared";
import { Button, Image, Input, Text, View } from "@tarojs/components";
import { useState } from "react";
import { hidePhoto, passPhoto, photoSrc, showPhoto } from "../api";
import type { RunAction } from "./useCaseAction";

/*
 * The case's photos as staff see them: each with its content-check result, hidden ones marked; hide (with a
 * reason) or show again; a held one (check not passed, not yet reviewed) can be passed (复核通过) or hidden.
 */
export const CHECK_LABELS: Record<ContentCheck, string> = {
  pending: "检测中",
  pass: "检测通过",
  review: "需人工复核",
  risky: "疑似违规",
  error: "检测失败",
};

export function PhotoGrid({ report, busy, run }: { report: ReportDetail; busy: string | null; run: RunAction }) {
  const [hiding, setHiding] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const checks = new Map((report.photoChecks ?? []).map((c) => [c.id, c]));

  const act = async (name: string, call: Parameters<RunAction>[1]) => {
    setError(null);
    const outcome = await run(name, call);
    if (outcome.ok || outcome.conflict) {
      setHiding(null);
      setReason("");
    } else setError(outcome.fields.reason ?? outcome.message);
  };
  const confirmHide = (photoId: string) => {
    if (!reason.trim()) {
      setError("请填写隐藏原因");
      return;
    }
    void act("hide_photo", () => hidePhoto(report, photoId, reason.trim()));
  };

  if (report.photos.length === 0) return <Text className="page-subtitle">没有照片</Text>;
  return (
    <View className="report-photos">
      {report.photos.map((p) => {
        const review = checks.get(p.id);
        const check = review?.check;
        return (
          <View key={p.id} className={`report-photo report-photo--${p.kind}${p.hidden ? " report-photo--hidden" : ""}`} data-id={p.id}>
            <Image className="report-photo__img" src={photoSrc(p.url)} mode="aspectFill" />
            <View className="badge-row">
              <Text className="badge photo-kind">{p.kind === "resolution" ? "处理后" : "上报照片"}</Text>
              {check ? <Text className={`badge photo-check photo-check--${check}`}>{CHECK_LABELS[check]}</Text> : null}
              {p.hidden ? <Text className="badge photo-hidden-label">已隐藏</Text> : null}
              {review?.held ? <Text className="badge badge-held photo-held">待复核（公众不可见）</Text> : null}
              {review?.reviewed ? <Text className="badge photo-reviewed">已复核通过</Text> : null}
            </View>
            {review?.held && hiding !== p.id ? (
              <Button
                className="btn btn-primary photo-pass"
                disabled={busy !== null || undefined}
                onClick={() => void act("pass_photo", () => passPhoto(report, p.id))}
              >
                复核通过
              </Button>
            ) : null}
            {p.hidden ? (
              <Button
                className="btn photo-show"
                disabled={busy !== null || undefined}
                onClick={() => void act("show_photo", () => showPhoto(report, p.id))}
              >
                恢复显示
              </Button>
            ) : hiding === p.id ? (
              <View className="photo-hide-form">
                <Input
                  className="text-input photo-hide-reason"
                  value={reason}
                  maxlength={200}
                  placeholder="隐藏原因，如：含人脸或车牌"
                  onInput={(e) => setReason(e.detail.value)}
                />
                {error ? <Text className="form-error">{error}</Text> : null}
                <View className="action-form__buttons">
                  <Button className="btn action-cancel" onClick={() => setHiding(null)}>
                    取消
                  </Button>
                  <Button
                    className="btn btn-primary photo-hide-confirm"
                    disabled={busy !== null || undefined}
                    onClick={() => confirmHide(p.id)}
                  >
                    确认隐藏
                  </Button>
                </View>
              </View>
            ) : (
              <Button
                className="btn photo-hide"
                disabled={busy !== null || undefined}
                onClick={() => {
                  setHiding(p.id);
                  setReason("");
                  setError(null);
                }}
              >
                隐藏
              </Button>
            )}
          </View>
        );
      })}
    </View>
  );
}
