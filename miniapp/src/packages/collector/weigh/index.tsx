import { DROP_OFF_CLASS_LABELS, DROP_OFF_CLASSES, WEIGH_MAX_KG, type WeighIn } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { isWeapp } from "../../../platform";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { canRetry, isCollector, pageError } from "../access";
import { myWeighIns, recordWeighIn, weighInFailureMessage } from "../api";
import "../collector.css";

/*
 * 扫码称重: scan the resident's 积分码 (in the weapp the camera; in H5 paste the code), enter kg per class,
 * doorstep or a recycling point, and see the points credited or why not. The weigh-in id is made here once
 * per attempt, so a retry after a network error cannot credit twice. Below: today's weigh-ins.
 */

type Kg = Record<string, string>;

const newWeighInId = (): string =>
  typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : "xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx".replace(/x/g, () => Math.floor(Math.random() * 16).toString(16));

export default function WeighPage() {
  const session = useSession();
  const collector = isCollector(session);
  const today = useApiLoad(collector && session ? `weigh-ins:${session.token}` : null, () => myWeighIns());
  const [code, setCode] = useState("");
  const [kg, setKg] = useState<Kg>({});
  const [where, setWhere] = useState<"doorstep" | "drop_off">("doorstep");
  const [pointName, setPointName] = useState("");
  const [attempt, setAttempt] = useState(newWeighInId);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<WeighIn | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true });
      setCode(res.result);
      setRefusal(null);
    } catch {
      // cancelled: nothing to do
    }
  };

  const lines = DROP_OFF_CLASSES.flatMap((c) => {
    const value = Number(kg[c]);
    return kg[c] && Number.isFinite(value) && value > 0 ? [{ class: c, kg: value }] : [];
  });
  const tooHeavy = lines.find((l) => l.kg > WEIGH_MAX_KG[l.class]);

  const submit = async () => {
    if (!code.trim()) return setRefusal("请先扫描住户的积分码");
    if (!lines.length) return setRefusal("请至少填写一类的重量（千克）");
    if (tooHeavy) return setRefusal(`${DROP_OFF_CLASS_LABELS[tooHeavy.class]}一次最多 ${WEIGH_MAX_KG[tooHeavy.class]} 千克`);
    setBusy(true);
    const res = await recordWeighIn({
      weighInId: attempt,
      code: code.trim(),
      lines,
      where,
      ...(where === "drop_off" && pointName.trim() ? { pointName: pointName.trim() } : {}),
    });
    setBusy(false);
    if (res.ok) {
      setResult(res.data);
      setRefusal(null);
      setCode("");
      setKg({});
      setAttempt(newWeighInId());
      today.reload();
      return;
    }
    setResult(null);
    setRefusal(weighInFailureMessage(res));
    // A refusal by the server is final for this attempt: the next one is a new weigh-in.
    if (res.kind === "http") setAttempt(newWeighInId());
  };

  const error = pageError(session, today.state.status === "error" ? today.state.error : null);
  const list = today.state.status === "ok" ? today.state.data.items : [];
  return (
    <PageContainer
      className="collector-page weigh-page"
      title="扫码称重"
      subtitle="扫住户的积分码，按类别填写重量，积分即时到账"
      needsLogin={!session}
      loginHint="请使用回收员账号登录"
      error={error}
      onRetry={canRetry(error) ? today.reload : undefined}
    >
      {collector ? (
        <>
          <View className="card weigh-form">
            {isWeapp() ? (
              <Button className="btn btn-primary btn-large weigh-scan" onClick={() => void scan()}>
                {code ? "已扫码，重新扫描" : "扫描积分码"}
              </Button>
            ) : (
              <Input className="input weigh-code" placeholder="粘贴住户的积分码" value={code} onInput={(e) => setCode(e.detail.value)} />
            )}
            <View className="weigh-where">
              {(["doorstep", "drop_off"] as const).map((w) => (
                <Button key={w} className={`btn weigh-where-${w}${where === w ? " btn-primary" : ""}`} onClick={() => setWhere(w)}>
                  {w === "doorstep" ? "上门回收" : "回收点投交"}
                </Button>
              ))}
            </View>
            {where === "drop_off" ? (
              <Input
                className="input weigh-point"
                placeholder="回收点名称（选填）"
                value={pointName}
                onInput={(e) => setPointName(e.detail.value)}
              />
            ) : null}
            {DROP_OFF_CLASSES.map((c) => (
              <View key={c} className={`weigh-line weigh-line-${c}`}>
                <Text className="weigh-line__label">{DROP_OFF_CLASS_LABELS[c]}</Text>
                <Input
                  className="input weigh-line__kg"
                  type="digit"
                  placeholder="千克"
                  value={kg[c] ?? ""}
                  onInput={(e) => setKg((k) => ({ ...k, [c]: e.detail.value }))}
                />
              </View>
            ))}
            <Button
              className="btn btn-primary btn-large weigh-submit"
              loading={busy}
              disabled={busy || undefined}
              onClick={() => void submit()}
            >
              确认称重，记积分
            </Button>
            {refusal ? <Text className="error-text weigh-refusal">{refusal}</Text> : null}
            {result ? (
              <View className="weigh-result">
                <Text className="weigh-result__points">
                  {result.householdLabel} 获得 {result.points} 积分
                </Text>
                {result.points < result.ratedPoints ? <Text className="hint-text">已达今日积分上限，按上限计入</Text> : null}
              </View>
            ) : null}
          </View>
          <Text className="section-title">今天的称重（{list.length}）</Text>
          {list.map((w) => (
            <View key={w.id} className="card weigh-item" data-id={w.id}>
              <Text>
                {w.householdLabel} · {w.lines.map((l) => `${l.kg}千克`).join(" + ")} · {w.points} 分
              </Text>
            </View>
          ))}
        </>
      ) : null}
    </PageContainer>
  );
}
