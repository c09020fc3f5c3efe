import { canAdminister, hasRole, isStaff, type User } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useEffect } from "react";
import { fetchMe, logout } from "../../auth/api";
import { ROLE_LABELS_ZH } from "../../auth/roles";
import { PageContainer } from "../../components/PageContainer";
import { inboxUnread } from "../../reports/api";
import { INBOX_PAGE, MY_REPORTS_PAGE } from "../../reports/navigation";
import { clearSession, getSession, saveSession, useSession } from "../../services/session";
import { useApiLoad } from "../../services/useApiLoad";
import { setLargeText, useLargeText } from "../../ui/largeText";

/* 我的: who is signed in and with which roles, my reports and messages, 适老化 large text, logout, and the staff entries. */

const MODERATION_QUEUE_PAGE = "/packages/moderation/queue/index";
const COLLECTOR_JOBS_PAGE = "/packages/collector/jobs/index";
const MY_PICKUPS_PAGE = "/packages/pickups/mine/index";
const MY_POINTS_PAGE = "/packages/points/index/index";
const VOLUNTEER_ROOMS_PAGE = "/packages/volunteer/rooms/index";
const REWARDS_DESK_PAGE = "/packages/rewards-admin/desk/index";

function ReportEntries({ token, staff, collector, volunteer }: { token: string; staff: boolean; collector: boolean; volunteer: boolean }) {
  const unread = useApiLoad(`inbox-unread:${token}`, inboxUnread).state;
  const count = unread.status === "ok" ? unread.data.unread : 0;
  const go = (url: string) => void Taro.navigateTo({ url });
  return (
    <View className="card menu">
      <View className="menu-item my-reports-entry" onClick={() => go(MY_REPORTS_PAGE)}>
        <Text>我的上报</Text>
        <Text className="menu-item__arrow">›</Text>
      </View>
      <View className="menu-item my-pickups-entry" onClick={() => go(MY_PICKUPS_PAGE)}>
        <Text>我的预约（大件垃圾）</Text>
        <Text className="menu-item__arrow">›</Text>
      </View>
      <View className="menu-item my-points-entry" onClick={() => go(MY_POINTS_PAGE)}>
        <Text>我的积分</Text>
        <Text className="menu-item__arrow">›</Text>
      </View>
      <View className="menu-item inbox-entry" onClick={() => go(INBOX_PAGE)}>
        <Text>消息</Text>
        <View className="menu-item__end">
          {count > 0 ? <Text className="unread-count">{count > 99 ? "99+" : count}</Text> : null}
          <Text className="menu-item__arrow">›</Text>
        </View>
      </View>
      {staff ? (
        <View className="menu-item moderation-entry" onClick={() => go(MODERATION_QUEUE_PAGE)}>
          <Text>随手拍案件处理（审核、派遣、结案）</Text>
          <Text className="menu-item__arrow">›</Text>
        </View>
      ) : null}
      {staff ? (
        <View className="menu-item rewards-desk-entry" onClick={() => go(REWARDS_DESK_PAGE)}>
          <Text>积分礼品领取核销</Text>
          <Text className="menu-item__arrow">›</Text>
        </View>
      ) : null}
      {volunteer ? (
        <View className="menu-item volunteer-entry" onClick={() => go(VOLUNTEER_ROOMS_PAGE)}>
          <Text>垃圾分类检查（小蜜蜂志愿者）</Text>
          <Text className="menu-item__arrow">›</Text>
        </View>
      ) : null}
      {collector ? (
        <View className="menu-item collector-entry" onClick={() => go(COLLECTOR_JOBS_PAGE)}>
          <Text>大件垃圾收运（回收员接单）</Text>
          <Text className="menu-item__arrow">›</Text>
        </View>
      ) : null}
    </View>
  );
}

const PRIVACY_PAGE = "/packages/account/privacy/index";

/** 隐私与数据: open to everyone (the policy), export and deletion once signed in. */
function PrivacyEntry() {
  return (
    <View className="card menu">
      <View className="menu-item privacy-entry" onClick={() => void Taro.navigateTo({ url: PRIVACY_PAGE })}>
        <Text>隐私与数据</Text>
        <Text className="menu-item__arrow">›</Text>
      </View>
    </View>
  );
}

function LargeTextSwitch() {
  const on = useLargeText();
  return (
    <View className="card settings">
      <View className="setting-row" onClick={() => setLargeText(!on)}>
        <View className="setting-row__text">
          <Text className="setting-row__name">大字模式（适老化）</Text>
          <Text className="setting-row__desc">放大所有页面的文字</Text>
        </View>
        <View className={`toggle large-text-switch${on ? " is-on" : ""}`}>
          <View className="toggle__knob" />
        </View>
      </View>
    </View>
  );
}

function Profile({ user, token, onLogout }: { user: User; token: string; onLogout: () => void }) {
  const openAdmin = () => void Taro.navigateTo({ url: "/packages/admin/home/index" });
  return (
    <>
      <View className="card profile">
        <Text className="user-name">{user.nickname ?? "微信用户"}</Text>
        <Text className="user-id">编号 {user.id.slice(-8)}</Text>
        <View className="chip-row user-roles">
          {user.roles.map((r) => (
            <Text key={r} className={`user-role user-role-${r}`}>
              {ROLE_LABELS_ZH[r]}
            </Text>
          ))}
        </View>
      </View>
      <ReportEntries token={token} staff={isStaff(user)} collector={hasRole(user, "collector")} volunteer={hasRole(user, "volunteer")} />
      {canAdminister(user) ? (
        <View className="card menu">
          <View className="menu-item admin-entry" onClick={openAdmin}>
            <Text>管理后台</Text>
            <Text className="menu-item__arrow">›</Text>
          </View>
        </View>
      ) : null}
      <View className="page-actions">
        <Button className="btn logout-button" onClick={onLogout}>
          退出登录
        </Button>
      </View>
    </>
  );
}

export default function MePage() {
  const session = useSession();
  const token = session?.token ?? null;
  const { state, reload } = useApiLoad(token ? `me:${token}` : null, fetchMe);

  useEffect(() => {
    // Keep the stored user (roles) in step with the server.
    const current = getSession();
    if (state.status === "ok" && current) saveSession({ ...current, user: state.data });
  }, [state]);

  const doLogout = async () => {
    await logout();
    clearSession();
    void Taro.showToast({ title: "已退出登录", icon: "none" });
  };

  return (
    <PageContainer
      className="me-page"
      title="我的"
      needsLogin={!session}
      loginHint="登录后可以查看您的账号和角色"
      loading={state.status === "loading"}
      error={state.status === "error" ? state.error : null}
      onRetry={reload}
      footer={
        <>
          <PrivacyEntry />
          <LargeTextSwitch />
        </>
      }
    >
      {session ? <Profile user={state.status === "ok" ? state.data : session.user} token={session.token} onLogout={doLogout} /> : null}
    </PageContainer>
  );
}
