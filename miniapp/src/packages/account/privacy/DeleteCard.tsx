import { Button, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { deleteMyAccount } from "../../../account/api";
import { forgetPrivacyConsent } from "../../../services/privacyConsent";
import type { ApiFailure } from "../../../services/request";
import { clearSession } from "../../../services/session";

/* 注销账号: says exactly what happens, asks once more, then signs out and returns to the home page. */

export const DELETION_EFFECTS = [
  "立即退出所有设备上的登录，无法恢复",
  "删除您的微信身份标识、昵称和登录记录",
  "删除您的消息、关注和待发送的通知",
  "删除尚未立案的上报中的照片",
  "已提交的上报作为城市管理记录保留，但不再与您关联；已立案案件的照片作为办案证据保留",
  "之后用同一微信登录，将作为全新用户，看不到以前的记录",
];

const HOME_PAGE = "/pages/index/index";

export function DeleteCard({ retentionDays }: { retentionDays: number }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    const res = await deleteMyAccount();
    setBusy(false);
    if (!res.ok) {
      setError(res);
      return;
    }
    clearSession();
    forgetPrivacyConsent();
    const kept = res.data.kept.map((k) => `${k.reason}（${k.count}）`).join("\n");
    await Taro.showModal({ title: "账号已注销", content: kept || "您的数据已全部删除", showCancel: false, confirmText: "知道了" });
    await Taro.switchTab({ url: HOME_PAGE });
  };
  return (
    <View className="card privacy-delete">
      <Text className="card-title">注销账号</Text>
      {confirming ? (
        <View className="delete-confirm">
          <Text className="privacy-note">注销后：</Text>
          {DELETION_EFFECTS.map((e) => (
            <Text key={e} className="delete-effect">
              · {e}
            </Text>
          ))}
          <Text className="privacy-note">（已结案的上报在结案 {retentionDays} 天后本来也会自动解除关联。）建议先导出您的数据。</Text>
          <Button className="btn btn-danger confirm-delete" disabled={busy || undefined} onClick={run}>
            {busy ? "正在注销…" : "确认注销"}
          </Button>
          <Button className="btn cancel-delete" disabled={busy || undefined} onClick={() => setConfirming(false)}>
            取消
          </Button>
        </View>
      ) : (
        <Button className="btn btn-danger delete-account" onClick={() => setConfirming(true)}>
          注销账号
        </Button>
      )}
      {error ? <Text className="state-text delete-error">{error.message}</Text> : null}
    </View>
  );
}
