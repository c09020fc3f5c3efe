import { type DeskRedemption, formatPickupCode, normalizePickupCode, REDEMPTION_STATUS_LABELS } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { mayUseDesk, STAFF_ONLY_MESSAGE } from "../access";
import { deskCollect, deskLookup } from "../api";
import "../rewards-admin.css";

/*
 * 礼品领取 (the pickup desk): type or scan the resident's pickup code → the reward and the household's short
 * label (never the resident's name or phone) → 确认领取, once.
 */
export default function RewardDeskPage() {
  const session = useSession();
  const allowed = mayUseDesk(session);
  const [code, setCode] = useState("");
  const [found, setFound] = useState<DeskRedemption | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const lookup = async (raw: string) => {
    const c = normalizePickupCode(raw);
    setCode(c);
    setFound(null);
    setMessage(null);
    if (!c) return;
    setBusy(true);
    const res = await deskLookup(c);
    setBusy(false);
    if (res.ok) setFound(res.data);
    else setMessage(res.status === 404 ? "没有这个领取码，请核对" : res.message);
  };

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true });
      await lookup(res.result);
    } catch {
      // cancelled
    }
  };

  const collect = async () => {
    if (!found) return;
    setBusy(true);
    const res = await deskCollect(found.pickupCode);
    setBusy(false);
    if (res.ok) {
      setFound(res.data);
      setMessage("已确认领取");
    } else {
      setMessage(res.status === 409 ? "该兑换已领取或已取消，不能再领取" : res.message);
      const again = await deskLookup(found.pickupCode);
      if (again.ok) setFound(again.data);
    }
  };

  return (
    <PageContainer
      className="admin-page reward-desk"
      title="礼品领取"
      subtitle="输入或扫描居民的领取码"
      needsLogin={!session}
      loginHint="请使用城管局工作人员账号登录"
      error={session && !allowed ? STAFF_ONLY_MESSAGE : null}
    >
      <View className="card desk-form">
        <Input
          className="text-input desk-code-input"
          value={code}
          maxlength={12}
          placeholder="领取码，如 ABCD EFGH"
          onInput={(e) => setCode(e.detail.value)}
          onConfirm={(e) => void lookup(e.detail.value)}
        />
        <Button className="btn btn-primary desk-lookup" disabled={busy || undefined} onClick={() => void lookup(code)}>
          查询
        </Button>
        {process.env.TARO_ENV === "weapp" ? (
          <Button className="btn desk-scan" onClick={() => void scan()}>
            扫码
          </Button>
        ) : null}
      </View>
      {message ? <Text className="form-error desk-message">{message}</Text> : null}
      {found ? (
        <View className={`card desk-result desk-result--${found.status}`}>
          <Text className="section-title">{found.rewardName}</Text>
          <Text className="desk-code">{formatPickupCode(found.pickupCode)}</Text>
          <Text className="desk-household">{found.householdLabel}</Text>
          <Text className="status-badge desk-status">{REDEMPTION_STATUS_LABELS[found.status]}</Text>
          <Text className="hint-text">领取点：{found.place.name}</Text>
          {found.status === "reserved" ? (
            <Button
              className="btn btn-primary btn-large desk-collect"
              loading={busy}
              disabled={busy || undefined}
              onClick={() => void collect()}
            >
              确认领取
            </Button>
          ) : null}
        </View>
      ) : null}
    </PageContainer>
  );
}
