import type { PointsEntry } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import { useReachBottom } from "@tarojs/taro";
import { useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import type { ApiFailure } from "../../../services/request";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { myPointsHistory } from "../api";
import "../points.css";

/* 积分明细: every entry with its reason and rule, + or −, newest first; more pages as the list is scrolled. */

const when = (iso: string) => new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });

export default function PointsHistoryPage() {
  const session = useSession();
  const first = useApiLoad(session ? `points-history:${session.user.id}` : null, () => myPointsHistory());
  const [more, setMore] = useState<{ items: PointsEntry[]; cursor: string | null; failure: ApiFailure | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const page = first.state.status === "ok" ? first.state.data : null;
  const items = [...(page?.items ?? []), ...(more?.items ?? [])];
  const cursor = more ? more.cursor : (page?.nextCursor ?? null);

  const loadMore = async () => {
    if (!cursor || busy) return;
    setBusy(true);
    const res = await myPointsHistory(cursor);
    setBusy(false);
    setMore((m) =>
      res.ok
        ? { items: [...(m?.items ?? []), ...res.data.items], cursor: res.data.nextCursor, failure: null }
        : { items: m?.items ?? [], cursor, failure: res },
    );
  };
  useReachBottom(() => void loadMore());

  return (
    <PageContainer
      className="points-history-page"
      title="积分明细"
      needsLogin={!session}
      loginHint="登录后查看积分明细"
      loading={first.state.status === "loading"}
      error={first.state.status === "error" ? first.state.error : null}
      onRetry={first.reload}
      empty={page !== null && items.length === 0}
      emptyText="还没有积分记录，回收可回收物即可获得积分"
    >
      {items.map((e) => (
        <View key={e.id} className="card points-entry" data-id={e.id}>
          <View>
            <Text className="points-entry__reason">{e.reason}</Text>
            <Text className="points-entry__meta">{e.rule}</Text>
            <Text className="points-entry__meta">{when(e.at)}</Text>
          </View>
          <Text className={`points-entry__amount ${e.amount >= 0 ? "is-plus" : "is-minus"}`}>
            {e.amount >= 0 ? `+${e.amount}` : `−${-e.amount}`}
          </Text>
        </View>
      ))}
      {more?.failure ? <Text className="error-text points-more-error">{more.failure.message}</Text> : null}
      {cursor ? (
        <Button className="btn btn-large points-more" loading={busy} onClick={() => void loadMore()}>
          加载更多
        </Button>
      ) : null}
    </PageContainer>
  );
}
