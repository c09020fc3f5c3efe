import { DEFAULT_RETENTION_DAYS, PRIVACY_POLICY_VERSION } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { fetchPrivacyStatus, recordConsent } from "../../../account/api";
import { PageContainer } from "../../../components/PageContainer";
import { LOGIN_PAGE } from "../../../services/loginRedirect";
import { rememberPrivacyConsent } from "../../../services/privacyConsent";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import "../account.css";
import { DeleteCard } from "./DeleteCard";
import { ExportCard } from "./ExportCard";
import { PolicyCard } from "./PolicyCard";

/* 隐私与数据 (我的 → 隐私与数据): the privacy policy, what the user accepted, export my data, delete my account. */

export default function PrivacyPage() {
  const session = useSession();
  const { state, reload, replace } = useApiLoad(session ? `privacy:${session.token}` : null, fetchPrivacyStatus);
  const [accepting, setAccepting] = useState(false);
  const status = state.status === "ok" ? state.data : null;
  const retentionDays = status?.retentionDays ?? DEFAULT_RETENTION_DAYS;

  const accept = async () => {
    setAccepting(true);
    await rememberPrivacyConsent();
    const res = await recordConsent(PRIVACY_POLICY_VERSION);
    setAccepting(false);
    if (res.ok) replace(res.data);
    else void Taro.showToast({ title: res.message, icon: "none" });
  };

  return (
    <PageContainer
      className="privacy-page"
      title="隐私与数据"
      subtitle="依据《个人信息保护法》，您可以查阅、导出和删除您的个人信息"
      loading={state.status === "loading"}
      error={state.status === "error" ? state.error : null}
      onRetry={reload}
    >
      <PolicyCard status={status} retentionDays={retentionDays} onAccept={accept} accepting={accepting} />
      {session ? (
        <>
          <ExportCard />
          <DeleteCard retentionDays={retentionDays} />
        </>
      ) : (
        <View className="card privacy-signed-out">
          <Text className="privacy-note">登录后可以导出您的数据或注销账号</Text>
          <Button className="btn btn-primary login-prompt" onClick={() => Taro.navigateTo({ url: LOGIN_PAGE })}>
            去登录
          </Button>
        </View>
      )}
    </PageContainer>
  );
}
