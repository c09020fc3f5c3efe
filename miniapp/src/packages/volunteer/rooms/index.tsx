import { Button, Input, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useEffect, useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { canRetry, isVolunteer, pageError } from "../access";
import { myBinRooms } from "../api";
import { checkPageUrl, roomFromScan, TODAY_PAGE } from "../routes";
import { canScan, scan } from "../scan";
import { rememberRooms } from "../store";
import "../volunteer.css";

/* 我的投放点: the bin rooms of my communities, or scan a bin room's QR code; then record checks there. */
export default function VolunteerRoomsPage() {
  const session = useSession();
  const volunteer = isVolunteer(session);
  const { state, reload } = useApiLoad(volunteer && session ? `vol-rooms:${session.token}` : null, myBinRooms);
  const [typed, setTyped] = useState("");
  const rooms = state.status === "ok" ? state.data.rooms : null;
  useEffect(() => {
    if (rooms) rememberRooms(rooms);
  }, [rooms]);
  const error = pageError(session, state.status === "error" ? state.error : null);
  const open = (code: string) => void Taro.navigateTo({ url: checkPageUrl(code) });
  const scanRoom = async () => {
    const text = await scan();
    const code = text ? roomFromScan(text) : null;
    if (code) open(code);
    else if (text) void Taro.showToast({ title: "不是投放点二维码", icon: "none" });
  };
  const toolbar = volunteer ? (
    <View className="rooms-toolbar">
      {canScan() ? (
        <Button className="btn btn-primary btn-huge rooms-scan" onClick={() => void scanRoom()}>
          扫描投放点二维码
        </Button>
      ) : (
        <View className="form-field">
          <Input className="code-input rooms-code" placeholder="输入投放点编码" value={typed} onInput={(e) => setTyped(e.detail.value)} />
          <Button
            className="btn btn-primary rooms-open"
            disabled={!roomFromScan(typed) || undefined}
            onClick={() => open(roomFromScan(typed) ?? "")}
          >
            打开投放点
          </Button>
        </View>
      )}
      <Button className="btn rooms-today" onClick={() => void Taro.navigateTo({ url: TODAY_PAGE })}>
        今日统计
      </Button>
    </View>
  ) : null;
  return (
    <PageContainer
      className="volunteer-page volunteer-rooms-page"
      title="我的投放点"
      subtitle="选择投放点开始检查，没有网络也能记录"
      needsLogin={!session}
      loginHint="请使用志愿者账号登录"
      toolbar={toolbar}
      loading={volunteer && state.status === "loading"}
      error={error}
      onRetry={canRetry(error) ? reload : undefined}
      empty={rooms !== null && rooms.length === 0}
      emptyText="您还没有分配服务的小区，可直接扫描投放点二维码"
    >
      {rooms?.map((r) => (
        <View key={r.id} className="card room-card" data-code={r.code}>
          <Text className="room-line room-name">
            {r.communityName} · {r.name}
          </Text>
          <Button className="btn btn-primary btn-huge room-open" onClick={() => open(r.code)}>
            开始检查
          </Button>
        </View>
      ))}
    </PageContainer>
  );
}
