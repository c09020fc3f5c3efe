import type { AdminCommunity } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import type { ApiResult } from "../../../services/request";
import { addBinRoom, adminCommunity, assignVolunteer, retireBinRoom, retireCommunity, unassignVolunteer, updateCommunity } from "../api";

/* One community: rename, retire, bin rooms (with the QR path to print), volunteers' assignments. */
export function CommunityPanel(props: { community: AdminCommunity; onChanged: (c: AdminCommunity) => void }) {
  const c = props.community;
  const [name, setName] = useState(c.name);
  const [room, setRoom] = useState("");
  const [volunteer, setVolunteer] = useState("");
  const [message, setMessage] = useState<string | null>(null);

  const after = (res: ApiResult<AdminCommunity>) => {
    if (res.ok) {
      setMessage(null);
      props.onChanged(res.data);
      return;
    }
    const reason = (res.details as { reason?: string } | undefined)?.reason;
    setMessage(
      reason === "stale_version"
        ? "该小区已被其他管理员修改，请重新打开后再试"
        : res.status === 422
          ? "该用户不是小蜜蜂志愿者，或填写有误"
          : "操作失败，请重试",
    );
  };
  const reopen = async () => {
    const res = await adminCommunity(c.id);
    if (res.ok) props.onChanged(res.data);
  };

  return (
    <View className="admin-columns__side card community-panel">
      <Text className="section-title">{c.name}</Text>
      <View className="community-panel__rename">
        <Input className="text-input community-name" value={name} onInput={(e) => setName(e.detail.value)} />
        <Button
          className="btn community-rename"
          disabled={!c.active || undefined}
          onClick={async () => after(await updateCommunity(c.id, { version: c.version, name }))}
        >
          改名
        </Button>
      </View>
      {message ? <Text className="form-error community-panel-error">{message}</Text> : null}

      <Text className="section-title">投放点（打印二维码）</Text>
      {c.binRooms.map((r) => (
        <View key={r.id} className={`admin-table__row bin-room${r.active ? "" : " is-retired"}`}>
          <Text className="admin-table__cell">{r.name}</Text>
          <Text className="bin-room-qr">{r.qrPath}</Text>
          {r.active ? (
            <Button
              className="btn btn-small bin-room-retire"
              onClick={async () => {
                const res = await retireBinRoom(r.id);
                if (res.ok) await reopen();
              }}
            >
              停用
            </Button>
          ) : (
            <Text className="hint-text">已停用</Text>
          )}
        </View>
      ))}
      {c.active ? (
        <View className="community-panel__add-room">
          <Input
            className="text-input bin-room-name"
            value={room}
            placeholder="投放点名称，如 3幢东侧投放点"
            onInput={(e) => setRoom(e.detail.value)}
          />
          <Button
            className="btn btn-primary bin-room-add"
            onClick={async () => {
              const res = await addBinRoom(c.id, room);
              if (res.ok) {
                setRoom("");
                await reopen();
              } else setMessage("投放点名称需 2–40 字");
            }}
          >
            添加投放点
          </Button>
        </View>
      ) : null}

      <Text className="section-title">小蜜蜂志愿者</Text>
      {c.volunteers.length === 0 ? <Text className="hint-text">尚未指派志愿者</Text> : null}
      {c.volunteers.map((v) => (
        <View key={v.id} className="admin-table__row volunteer-row">
          <Text className="admin-table__cell">{v.nickname ?? v.id}</Text>
          <Button className="btn btn-small volunteer-unassign" onClick={async () => after(await unassignVolunteer(c.id, v.id))}>
            取消指派
          </Button>
        </View>
      ))}
      {c.active ? (
        <View className="community-panel__assign">
          <Input
            className="text-input volunteer-id"
            value={volunteer}
            placeholder="志愿者用户编号"
            onInput={(e) => setVolunteer(e.detail.value)}
          />
          <Button className="btn volunteer-assign" onClick={async () => after(await assignVolunteer(c.id, volunteer.trim()))}>
            指派
          </Button>
        </View>
      ) : null}

      {c.active ? (
        <Button
          className="btn btn-danger community-retire"
          onClick={async () => {
            const ok = await Taro.showModal({ title: "停用小区", content: "停用后该小区不再出现在公开列表和排行中，已公布的评星保留。" });
            if (ok.confirm) after(await retireCommunity(c.id, c.version));
          }}
        >
          停用小区
        </Button>
      ) : (
        <Text className="hint-text community-retired">该小区已停用</Text>
      )}
    </View>
  );
}
