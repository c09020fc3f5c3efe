import { PRIVACY_POLICY_VERSION, type PrivacyStatus } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import { useState } from "react";
import { POLICY_TITLE, privacyPolicy } from "../../../account/policyText";
import { formatCityTime } from "../../../ui/formatTime";

/* The policy itself (always readable, signed in or not) and, when signed in, what the user accepted. */
export function PolicyCard(props: { status: PrivacyStatus | null; retentionDays: number; onAccept?: () => void; accepting?: boolean }) {
  const [open, setOpen] = useState(false);
  const { status } = props;
  return (
    <View className="card privacy-policy">
      <Text className="card-title">{POLICY_TITLE}</Text>
      <Text className="privacy-note">版本 {PRIVACY_POLICY_VERSION}</Text>
      {status ? (
        <Text className={`privacy-consent ${status.upToDate ? "is-current" : "is-missing"}`}>
          {status.upToDate && status.consent
            ? `您已于 ${formatCityTime(status.consent.acceptedAt)} 同意本版本`
            : status.consent
              ? "政策已更新，请阅读并同意新版本"
              : "您尚未在本服务中记录同意"}
        </Text>
      ) : null}
      <Button className="btn policy-toggle" onClick={() => setOpen(!open)}>
        {open ? "收起隐私政策" : "查看隐私政策"}
      </Button>
      {open ? (
        <View className="policy-text">
          {privacyPolicy(props.retentionDays).map((s) => (
            <View key={s.title} className="policy-section">
              <Text className="policy-section__title">{s.title}</Text>
              {s.paragraphs.map((p) => (
                <Text key={p} className="policy-paragraph">
                  {p}
                </Text>
              ))}
            </View>
          ))}
        </View>
      ) : null}
      {status && !status.upToDate && props.onAccept ? (
        <Button className="btn btn-primary accept-policy" disabled={props.accepting || undefined} onClick={props.onAccept}>
          {props.accepting ? "正在记录…" : "我已阅读并同意"}
        </Button>
      ) : null}
    </View>
  );
}
