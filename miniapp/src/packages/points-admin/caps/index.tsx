import { POINTS_KIND_LABELS, type PointsCap } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import { useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { mayOpen, pageError } from "../access";
import { pointsAdminMessage, pointsCaps, setPointsCaps } from "../api";
import "../points-admin.css";

/* 积分上限: per earning kind, the most one household may earn a day and one collector/volunteer may award a day (blank = no cap). */

type Field = "perAccountDay" | "perActorDay";

export default function PointsCapsPage() {
  const session = useSession();
  const allowed = mayOpen(session);
  const { state, reload, replace } = useApiLoad(session && allowed ? "points-caps" : null, pointsCaps);
  const caps = state.status === "ok" ? state.data.caps : null;
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const shownValue = (cap: PointsCap, f: Field) => draft[`${cap.kind}.${f}`] ?? (cap[f] === null ? "" : String(cap[f]));
  const parse = (text: string) => (text.trim() === "" ? null : Number(text));

  const save = async () => {
    if (!caps) return;
    const next = caps.map((c) => ({
      ...c,
      perAccountDay: parse(shownValue(c, "perAccountDay")),
      perActorDay: parse(shownValue(c, "perActorDay")),
    }));
    if (next.some((c) => [c.perAccountDay, c.perActorDay].some((v) => v !== null && (!Number.isInteger(v) || v < 0))))
      return setMessage("上限应为不小于 0 的整数，留空表示不设上限");
    const res = await setPointsCaps({ caps: next });
    if (!res.ok) return setMessage(pointsAdminMessage(res));
    replace(res.data);
    setDraft({});
    setMessage("已保存");
  };

  return (
    <PageContainer
      className="points-caps-page"
      title="积分上限"
      subtitle="留空表示不设上限"
      needsLogin={!session}
      loading={state.status === "loading"}
      error={pageError(session, state.status === "error" ? state.error : null)}
      onRetry={allowed ? reload : undefined}
    >
      {caps?.map((cap) => (
        <View key={cap.kind} className={`card cap-${cap.kind}`}>
          <Text className="section-title">{POINTS_KIND_LABELS[cap.kind]}</Text>
          {(["perAccountDay", "perActorDay"] as const).map((f) => (
            <View key={f} className="points-admin-row">
              <Text>{f === "perAccountDay" ? "每户每天" : "每位回收员/志愿者每天"}</Text>
              <Input
                className={`input cap-input cap-${f}`}
                type="number"
                value={shownValue(cap, f)}
                onInput={(e) => setDraft((d) => ({ ...d, [`${cap.kind}.${f}`]: e.detail.value }))}
              />
            </View>
          ))}
        </View>
      ))}
      {caps ? (
        <Button className="btn btn-primary btn-large caps-save" onClick={() => void save()}>
          保存
        </Button>
      ) : null}
      {message ? <Text className="hint-text caps-message">{message}</Text> : null}
    </PageContainer>
  );
}
