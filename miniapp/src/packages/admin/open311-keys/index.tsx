import type { Open311KeyResponse, Open311KeySummary } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { formatCityTime } from "../../../ui/formatTime";
import { canRetry, isAdmin, pageError } from "../access";
import "../admin.css";
import { FieldError } from "../../../components/FieldError";
import { fieldErrors } from "../../../services/fieldErrors";
import { issueOpen311Key, open311Keys, revokeOpen311Key } from "../api";

/*
 * Open311 密钥: keys for other systems filing reports through GeoReport v2. A new key is shown once, with
 * a copy button; the API keeps only its hash, so afterwards the list shows its first characters only.
 */

export default function AdminOpen311KeysPage() {
  const session = useSession();
  const admin = isAdmin(session);
  const { state, reload, replace } = useApiLoad(session && admin ? "open311-keys" : null, open311Keys);
  const keys = state.status === "ok" ? state.data.keys : [];
  const error = pageError(session, state.status === "error" ? state.error : null);
  const [name, setName] = useState("");
  const [issued, setIssued] = useState<Open311KeyResponse | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const issue = async () => {
    setBusy(true);
    const res = await issueOpen311Key(name.trim());
    setBusy(false);
    if (!res.ok) {
      setErrors(fieldErrors(res));
      return setFailure(res.message);
    }
    setErrors({});
    setFailure(null);
    setName("");
    setIssued(res.data);
    reload();
  };

  const revoke = async (key: Open311KeySummary) => {
    const answer = await Taro.showModal({ title: "吊销密钥", content: `吊销「${key.name}」后，使用它的系统将立即无法提交。确定吗？` });
    if (!answer.confirm) return;
    const res = await revokeOpen311Key(key.id);
    if (!res.ok) return setFailure(res.message);
    replace({ keys: keys.map((k) => (k.id === res.data.id ? res.data : k)) });
    void Taro.showToast({ title: "已吊销", icon: "success" });
  };

  return (
    <PageContainer
      className="admin-page admin-open311-keys"
      title="Open311 密钥"
      subtitle="供数字城管平台等外部系统提交问题"
      needsLogin={!session}
      loginHint="请使用系统管理员账号登录"
      toolbar={
        admin ? (
          <View className="card key-issue">
            <Input
              className="text-input key-name"
              value={name}
              placeholder="使用方名称，如：12345 热线系统"
              onInput={(e) => setName(e.detail.value)}
            />
            <FieldError errors={errors} field="name" />
            <Button className="btn btn-primary key-issue-button" disabled={busy || !name.trim() || undefined} onClick={() => void issue()}>
              签发新密钥
            </Button>
            {failure ? <Text className="form-error key-failure">{failure}</Text> : null}
            {issued ? (
              <View className="key-once">
                <Text className="key-once__warning">请立即复制并妥善保存，此密钥只显示这一次：</Text>
                <Text className="key-once__value" selectable>
                  {issued.apiKey}
                </Text>
                <Button className="btn key-copy" onClick={() => void Taro.setClipboardData({ data: issued.apiKey })}>
                  复制
                </Button>
                <Button className="btn key-dismiss" onClick={() => setIssued(null)}>
                  我已保存
                </Button>
              </View>
            ) : null}
          </View>
        ) : null
      }
      loading={state.status === "loading"}
      error={error}
      onRetry={canRetry(error) ? reload : undefined}
      empty={state.status === "ok" && keys.length === 0}
      emptyText="还没有签发过密钥"
    >
      <View className="admin-table key-list">
        {keys.map((k) => (
          <View key={k.id} className={`admin-table__row key-row${k.revokedAt ? " is-revoked" : ""}`} data-key-id={k.id}>
            <Text className="admin-table__cell key-row__name">{k.name}</Text>
            <Text className="admin-table__cell key-row__prefix">{k.prefix ? `${k.prefix}…` : "（旧密钥）"}</Text>
            <Text className="admin-table__cell key-row__created">签发于 {formatCityTime(k.createdAt)}</Text>
            {k.revokedAt ? (
              <Text className="admin-table__cell key-row__revoked">已吊销 {formatCityTime(k.revokedAt)}</Text>
            ) : (
              <Button className="btn key-revoke" onClick={() => void revoke(k)}>
                吊销
              </Button>
            )}
          </View>
        ))}
      </View>
    </PageContainer>
  );
}
