import type { IssuedFeedKey, ParkingOperator } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { useApiLoad } from "../../../services/useApiLoad";
import { formatCityTime } from "../../../ui/formatTime";
import { issueOperatorKey, operatorKeys, revokeOperatorKey } from "../api";

/*
 * An operator's feed keys. A new key's secret is shown once, with 复制 and a clear warning: the API keeps
 * only its hash. Revoking asks first; requests signed with a revoked key are refused at once.
 */
export function OperatorKeys({ operator }: { operator: ParkingOperator }) {
  const { state, reload, replace } = useApiLoad(`keys:${operator.id}`, () => operatorKeys(operator.id));
  const keys = state.status === "ok" ? state.data.keys : [];
  const [issued, setIssued] = useState<IssuedFeedKey | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const issue = async () => {
    setBusy(true);
    const res = await issueOperatorKey(operator.id);
    setBusy(false);
    if (!res.ok) return setFailure(res.message);
    setFailure(null);
    setIssued(res.data);
    const { secret: _secret, ...key } = res.data;
    replace({ keys: [...keys, key] });
  };

  const revoke = async (keyId: string) => {
    const answer = await Taro.showModal({
      title: "吊销密钥",
      content: `吊销 ${keyId} 后，“${operator.name}”用它签名的数据将立即被拒收。确定吗？`,
    });
    if (!answer.confirm) return;
    const res = await revokeOperatorKey(operator.id, keyId);
    if (!res.ok) return setFailure(res.message);
    setFailure(null);
    replace({ keys: keys.map((k) => (k.keyId === keyId ? res.data : k)) });
    void Taro.showToast({ title: "已吊销", icon: "success" });
  };

  const copy = (secret: string) =>
    void Taro.setClipboardData({ data: secret })
      .then(() => Taro.showToast({ title: "已复制", icon: "success" }))
      .catch(() => Taro.showToast({ title: "复制失败，请手动抄下", icon: "none" }));

  return (
    <View className="card operator-keys">
      <Text className="card-title">“{operator.name}”的推送密钥</Text>
      {state.status === "loading" ? <Text className="state-text">加载中…</Text> : null}
      {state.status === "error" ? (
        <View>
          <Text className="form-error">{state.error.message}</Text>
          <Button className="btn retry-button" onClick={reload}>
            重试
          </Button>
        </View>
      ) : null}
      {state.status === "ok" && keys.length === 0 ? <Text className="admin-hint keys-empty">还没有签发密钥</Text> : null}
      <View className="admin-table key-list">
        {keys.map((k) => (
          <View key={k.keyId} className={`admin-table__row key-row${k.status === "revoked" ? " is-revoked" : ""}`} data-key-id={k.keyId}>
            <Text className="admin-table__cell key-row__id">{k.keyId}</Text>
            <Text className="admin-table__cell key-row__created">签发于 {formatCityTime(k.createdAt)}</Text>
            <Text className="admin-table__cell key-row__used">
              {k.lastUsedAt ? `最近使用 ${formatCityTime(k.lastUsedAt)}` : "尚未使用"}
            </Text>
            {k.revokedAt ? (
              <Text className="admin-table__cell key-row__revoked">已吊销 {formatCityTime(k.revokedAt)}</Text>
            ) : (
              <Button className="btn key-revoke" onClick={() => void revoke(k.keyId)}>
                吊销
              </Button>
            )}
          </View>
        ))}
      </View>
      {failure ? <Text className="form-error key-failure">{failure}</Text> : null}
      {issued ? (
        <View className="key-once">
          <Text className="key-once__warning">只显示一次：请立即复制并交给运营方妥善保存，关闭后无法再次查看。</Text>
          <Text className="key-once__id">密钥编号：{issued.keyId}</Text>
          <Text className="key-once__value" selectable>
            {issued.secret}
          </Text>
          <Button className="btn key-copy" onClick={() => copy(issued.secret)}>
            复制
          </Button>
          <Button className="btn key-dismiss" onClick={() => setIssued(null)}>
            我已保存
          </Button>
        </View>
      ) : (
        <Button className="btn btn-primary key-issue" disabled={busy || undefined} onClick={() => void issue()}>
          签发新密钥
        </Button>
      )}
    </View>
  );
}
