import { CHECK_CONFLICT_LABELS, CHECK_ERROR_INFO, CHECK_ERRORS, type CheckError } from "@civic/shared";
import { Button, Input, Text, Textarea, View } from "@tarojs/components";
import Taro, { useDidShow, useRouter } from "@tarojs/taro";
import { useEffect, useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { isVolunteer, pageError } from "../access";
import { newCheckId } from "../ids";
import { dismiss, enqueue, pendingOf, QUEUE_CAP } from "../queue";
import { roomFromScan } from "../routes";
import { canScan, scan } from "../scan";
import { knownRoomName, loadQueue, saveQueue, storageText, syncNow, syncWhenOnline, useQueue } from "../store";
import "../volunteer.css";

/*
 * 分类检查 at one bin room (opened by its QR code: ?room=<code>): scan the household's code, tap 正确 or
 * 有误 (with the mistakes, an optional photo and note). Each check is saved on the phone FIRST and synced
 * in batches when online (on show, when the network returns, or with 同步); the list shows what waits,
 * what was answered and the conflicts.
 */
export default function VolunteerCheckPage() {
  const session = useSession();
  const volunteer = isVolunteer(session);
  const router = useRouter();
  const room = roomFromScan(router.params.room ?? "");
  const queue = useQueue();
  const [code, setCode] = useState("");
  const [wrong, setWrong] = useState(false);
  const [errors, setErrors] = useState<CheckError[]>([]);
  const [note, setNote] = useState("");
  const [photoPath, setPhotoPath] = useState<string | null>(null);
  const [syncing, setSyncing] = useState(false);

  const sync = async () => {
    setSyncing(true);
    try {
      await syncNow();
    } finally {
      setSyncing(false);
    }
  };
  useDidShow(() => {
    if (volunteer) void sync();
  });
  useEffect(() => (volunteer ? syncWhenOnline() : undefined), [volunteer]);

  const reset = () => {
    setCode("");
    setWrong(false);
    setErrors([]);
    setNote("");
    setPhotoPath(null);
  };
  const save = (correct: boolean) => {
    if (!room || !code) return;
    const added = enqueue(loadQueue(), {
      id: newCheckId(),
      binRoomCode: room,
      roomName: knownRoomName(room) ?? room,
      code,
      correct,
      errors: correct ? [] : errors,
      checkedAt: new Date().toISOString(),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(photoPath ? { photoPath } : {}),
    });
    if (!added.ok) {
      void Taro.showToast({ title: `待同步记录已满 ${QUEUE_CAP} 条，请先同步`, icon: "none" });
      return;
    }
    saveQueue(added.queue);
    void Taro.showToast({ title: "已保存", icon: "success" });
    reset();
    void sync();
  };
  const scanResident = async () => {
    const text = await scan();
    if (text) setCode(text);
  };
  const addPhoto = async () => {
    try {
      const res = await Taro.chooseMedia({ count: 1, mediaType: ["image"], sourceType: ["camera"], sizeType: ["compressed"] });
      setPhotoPath(res.tempFiles[0]?.tempFilePath ?? null);
    } catch {
      // Cancelled.
    }
  };
  const toggle = (e: CheckError) => setErrors((now) => (now.includes(e) ? now.filter((x) => x !== e) : [...now, e]));

  const error = !room && volunteer ? "投放点二维码无效，请重新扫码" : pageError(session, null);
  const pending = pendingOf(queue).length;
  const conflicts = queue.filter((c) => c.state === "conflict");
  const done = queue
    .filter((c) => c.state === "done")
    .slice(-20)
    .reverse();

  return (
    <PageContainer
      className="volunteer-page volunteer-check-page"
      title="分类检查"
      subtitle={room ? (knownRoomName(room) ?? `投放点 ${room}`) : undefined}
      needsLogin={!session}
      loginHint="请使用志愿者账号登录"
      error={error}
    >
      <View className="card check-form">
        {canScan() ? (
          <Button className="btn btn-primary btn-huge check-scan" onClick={() => void scanResident()}>
            {code ? "已扫码，可重新扫码" : "扫描居民积分码"}
          </Button>
        ) : (
          <Input
            className="code-input check-code"
            placeholder="输入或粘贴居民积分码"
            value={code}
            onInput={(e) => setCode(e.detail.value)}
          />
        )}
        <View className="check-buttons">
          <Button className="btn btn-huge btn-correct check-correct" disabled={!code || undefined} onClick={() => save(true)}>
            正确
          </Button>
          <Button className="btn btn-huge btn-wrong check-wrong" disabled={!code || undefined} onClick={() => setWrong(true)}>
            有误
          </Button>
        </View>
        {wrong ? (
          <View className="check-wrong-form">
            <View className="error-chips">
              {CHECK_ERRORS.map((e) => (
                <Text key={e} className={`error-chip error-chip--${e} ${errors.includes(e) ? "is-on" : ""}`} onClick={() => toggle(e)}>
                  {CHECK_ERROR_INFO[e].label}
                </Text>
              ))}
            </View>
            <Button className="btn check-photo" onClick={() => void addPhoto()}>
              {photoPath ? "已拍照，可重拍" : "＋ 拍照（可选）"}
            </Button>
            <Textarea
              className="check-note"
              placeholder="备注（可选）"
              maxlength={200}
              value={note}
              onInput={(e) => setNote(e.detail.value)}
            />
            <Button className="btn btn-primary btn-huge check-save" disabled={errors.length === 0 || undefined} onClick={() => save(false)}>
              保存
            </Button>
          </View>
        ) : null}
      </View>
      <View className="card check-queue">
        <Text className="queue-summary queue-pending">
          待同步 {pending} 条 · 占用存储 {storageText(queue)}
        </Text>
        <Button
          className="btn btn-primary btn-huge queue-sync"
          loading={syncing}
          disabled={syncing || pending === 0 || undefined}
          onClick={() => void sync()}
        >
          同步
        </Button>
        {conflicts.map((c) => (
          <View key={c.id} className="queue-item queue-item--conflict">
            <Text>
              {c.roomName} {c.checkedAt.slice(11, 16)} 未入账：{c.reason ? CHECK_CONFLICT_LABELS[c.reason] : "未知"}
            </Text>
            <Text className="queue-dismiss" onClick={() => saveQueue(dismiss(loadQueue(), c.id))}>
              知道了
            </Text>
          </View>
        ))}
        {done.map((c) => (
          <Text key={c.id} className="queue-item queue-item--done">
            {c.householdLabel} {c.correct ? `正确 +${c.points ?? 0} 分` : "有误（已提醒）"}
          </Text>
        ))}
      </View>
    </PageContainer>
  );
}
