import { DEFAULT_PUSH_FRESHNESS_MINUTES, type ParkingOperator, PULL_FRESHNESS_MINUTES, type SourceKind } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import { useState } from "react";
import { Chip } from "../../../components/Chip";
import { FieldError } from "../../../components/FieldError";
import { fieldErrors } from "../../../services/fieldErrors";
import { createParkingOperator } from "../api";

/* 新增运营方: name, push or pull, how long its reports stay fresh (push), licence and contact. The API judges. */
export function OperatorForm({ onCreated }: { onCreated: (op: ParkingOperator) => void }) {
  const [name, setName] = useState("");
  const [kind, setKind] = useState<SourceKind>("push");
  const [minutes, setMinutes] = useState(String(DEFAULT_PUSH_FRESHNESS_MINUTES));
  const [licence, setLicence] = useState("");
  const [contact, setContact] = useState("");
  const [pullUrl, setPullUrl] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    const freshnessMinutes = Number(minutes.trim());
    const res = await createParkingOperator({
      name: name.trim(),
      kind,
      freshnessMinutes: minutes.trim() === "" || Number.isNaN(freshnessMinutes) ? (minutes as unknown as number) : freshnessMinutes,
      licence: licence.trim(),
      contact: contact.trim(),
      pullUrl: kind === "pull" ? pullUrl.trim() : null,
    });
    setBusy(false);
    if (!res.ok) {
      setErrors(fieldErrors(res));
      return setFailure(res.message);
    }
    setErrors({});
    setFailure(null);
    setName("");
    onCreated(res.data);
  };

  return (
    <View className="card operator-form">
      <Text className="card-title">新增运营方</Text>
      <View className="form-field">
        <Text className="form-label">名称</Text>
        <Input
          className="text-input operator-name"
          value={name}
          placeholder="如：姑苏停车运营公司"
          onInput={(e) => setName(e.detail.value)}
        />
        <FieldError errors={errors} field="name" />
      </View>
      <View className="form-field">
        <Text className="form-label">数据方式</Text>
        <View className="chip-row">
          <Chip label="运营方推送" className="operator-kind-push" active={kind === "push"} onTap={() => setKind("push")} />
          <Chip label="定时抓取" className="operator-kind-pull" active={kind === "pull"} onTap={() => setKind("pull")} />
        </View>
      </View>
      {kind === "pull" ? (
        <View className="form-field">
          <Text className="form-label">抓取地址（ParkAPI JSON）</Text>
          <Input
            className="text-input operator-pull-url"
            value={pullUrl}
            placeholder="https://"
            onInput={(e) => setPullUrl(e.detail.value)}
          />
          <FieldError errors={errors} field="pullUrl" />
        </View>
      ) : null}
      <View className="form-field">
        <Text className="form-label">数据时效（分钟）</Text>
        {kind === "pull" ? (
          <Text className="form-hint operator-pull-limit">抓取的数据固定 {PULL_FRESHNESS_MINUTES} 分钟后视为过期</Text>
        ) : (
          <Input className="text-input operator-freshness" type="number" value={minutes} onInput={(e) => setMinutes(e.detail.value)} />
        )}
        <FieldError errors={errors} field="freshnessMinutes" />
      </View>
      <View className="form-field">
        <Text className="form-label">数据许可</Text>
        <Input
          className="text-input operator-licence"
          value={licence}
          placeholder="如：CC BY 4.0"
          onInput={(e) => setLicence(e.detail.value)}
        />
        <FieldError errors={errors} field="licence" />
      </View>
      <View className="form-field">
        <Text className="form-label">联系方式</Text>
        <Input className="text-input operator-contact" value={contact} onInput={(e) => setContact(e.detail.value)} />
        <FieldError errors={errors} field="contact" />
      </View>
      {failure ? <Text className="form-error operator-failure">{failure}</Text> : null}
      <Button className="btn btn-primary operator-save" disabled={busy || undefined} onClick={() => void save()}>
        保存运营方
      </Button>
    </View>
  );
}
