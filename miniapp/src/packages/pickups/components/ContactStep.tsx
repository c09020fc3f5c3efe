import { Button, Input, Switch, Text, View } from "@tarojs/components";
import { useState } from "react";
import { isWeapp } from "../../../platform";
import { exchangePhoneCode } from "../api";

/*
 * The contact phone: in the weapp WeChat's phone-number button (its one-time code is exchanged by the API
 * for the number), typed in H5 and as a fallback. 代预约: booking for someone else, with the contact's
 * name; the phone is then the contact's, and reminders go to them too.
 */
export interface ContactStepProps {
  phone: string;
  onBehalf: boolean;
  onBehalfName: string;
  onPhone: (phone: string) => void;
  onOnBehalf: (on: boolean) => void;
  onOnBehalfName: (name: string) => void;
}

type PhoneEvent = { detail: { code?: string; errMsg?: string } };

export function ContactStep(props: ContactStepProps) {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onPhoneNumber = async (e: PhoneEvent) => {
    const code = e.detail.code;
    if (!code) {
      setMessage(/deny|cancel/i.test(e.detail.errMsg ?? "") ? null : "暂时无法获取手机号，请直接填写");
      return;
    }
    setBusy(true);
    setMessage(null);
    const res = await exchangePhoneCode(code);
    setBusy(false);
    if (res.ok) props.onPhone(res.data.phone);
    else setMessage("暂时无法获取手机号，请直接填写");
  };
  return (
    <View className="wizard-section pickup-contact-step">
      <Text className="section-title">联系电话</Text>
      <View className="switch-row on-behalf-row">
        <Text>代他人预约（如为家中老人预约）</Text>
        <Switch className="on-behalf-switch" checked={props.onBehalf} onChange={(e) => props.onOnBehalf(e.detail.value)} />
      </View>
      {props.onBehalf ? (
        <>
          <Text className="field-label">联系人姓名</Text>
          <Input
            className="text-input on-behalf-name"
            value={props.onBehalfName}
            maxlength={20}
            placeholder="收运当天在家的联系人"
            onInput={(e) => props.onOnBehalfName(e.detail.value)}
          />
          <Text className="hint-text">请填写联系人的手机号，收运提醒会同时发给您和联系人。</Text>
        </>
      ) : null}
      {isWeapp() && !props.onBehalf ? (
        <Button
          className="btn btn-primary btn-large phone-number-button"
          openType="getPhoneNumber"
          disabled={busy || undefined}
          onGetPhoneNumber={(e) => void onPhoneNumber(e as unknown as PhoneEvent)}
        >
          {busy ? "正在获取…" : "使用微信绑定的手机号"}
        </Button>
      ) : null}
      <Text className="field-label">{props.onBehalf ? "联系人手机号" : "手机号"}</Text>
      <Input
        className="text-input phone-input"
        type="number"
        value={props.phone}
        maxlength={11}
        placeholder="11 位手机号码"
        onInput={(e) => props.onPhone(e.detail.value)}
      />
      {message ? <Text className="field-error phone-message">{message}</Text> : null}
    </View>
  );
}
