import type { InboxMessage } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { PageContainer } from "../../components/PageContainer";
import { inbox, markInboxRead } from "../../reports/api";
import { detailUrl } from "../../reports/navigation";
import { useSession } from "../../services/session";
import { useApiLoad } from "../../services/useApiLoad";
import { formatCityTime } from "../../ui/formatTime";

/* 消息: the in-app copy of every status update (also when WeChat's subscribe message could not be sent). */
export default function InboxPage() {
  const session = useSession();
  const { state, reload, replace } = useApiLoad(session ? `inbox:${session.token}` : null, inbox);
  const messages = state.status === "ok" ? state.data.messages : [];

  const open = (m: InboxMessage) => {
    if (!m.readAt && state.status === "ok") {
      void markInboxRead(m.id);
      const readAt = new Date().toISOString();
      replace({
        messages: state.data.messages.map((x) => (x.id === m.id ? { ...x, readAt } : x)),
        unread: Math.max(0, state.data.unread - 1),
      });
    }
    if (m.reportId) void Taro.navigateTo({ url: detailUrl(m.reportId) });
  };

  return (
    <PageContainer
      className="inbox-page"
      title="消息"
      subtitle={state.status === "ok" && state.data.unread > 0 ? `${state.data.unread} 条未读` : undefined}
      needsLogin={!session}
      loginHint="登录后可以查看上报的处理消息"
      loading={state.status === "loading"}
      error={state.status === "error" ? state.error : null}
      onRetry={reload}
      empty={state.status === "ok" && messages.length === 0}
      emptyText="暂时没有消息。您上报或关注的问题有进展时，会在这里通知您。"
    >
      <View className="inbox-list">
        {messages.map((m) => (
          <View key={m.id} className={`card inbox-item${m.readAt ? " is-read" : " is-unread"}`} data-id={m.id} onClick={() => open(m)}>
            <View className="inbox-item__head">
              {m.readAt ? null : <Text className="unread-dot" />}
              <Text className="inbox-title">{m.title}</Text>
            </View>
            <Text className="inbox-body">{m.body}</Text>
            <Text className="inbox-time">{formatCityTime(m.createdAt)}</Text>
          </View>
        ))}
      </View>
    </PageContainer>
  );
}
