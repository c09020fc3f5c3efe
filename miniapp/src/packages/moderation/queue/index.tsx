import { Button, Text, View } from "@tarojs/components";
import Taro, { useDidShow, usePullDownRefresh } from "@tarojs/taro";
import { useRef, useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { reportCategories } from "../api";
import "../moderation.css";
import { KPI_PAGE, reportPageUrl } from "../routes";
import { canRetry, isStaff, pageError } from "../staffAccess";
import { NO_FILTERS, type QueueFilters } from "./filters";
import { QueueFilterBar } from "./QueueFilterBar";
import { QueueItemCard } from "./QueueItemCard";
import { useQueuePages } from "./useQueuePages";

/* 案件队列: the cases that need the bureau, most urgent first, with filters; moderators and admins. */

export default function ModerationQueuePage() {
  const session = useSession();
  const staff = isStaff(session);
  const [filters, setFilters] = useState<QueueFilters>(NO_FILTERS);
  const queue = useQueuePages(filters, staff && session ? session.token : null);
  const categories = useApiLoad(staff ? "categories" : null, reportCategories);
  const shown = useRef(false);

  // Coming back from a case: its status may have changed.
  useDidShow(() => {
    if (shown.current) queue.refresh();
    shown.current = true;
  });
  usePullDownRefresh(() => {
    queue.refresh();
    void Taro.stopPullDownRefresh();
  });

  const error = pageError(session, queue.state.status === "error" ? queue.state.error : null);
  const open = (id: string) => void Taro.navigateTo({ url: reportPageUrl(id) });

  return (
    <PageContainer
      className="moderation-page moderation-queue-page"
      title="案件队列"
      subtitle="随手拍上报的案件，超期和待复核的排在前面"
      needsLogin={!session}
      loginHint="请使用城管局工作人员账号登录"
      toolbar={
        staff ? (
          <View className="moderation-toolbar">
            <View className="moderation-links">
              <Button className="btn kpi-link" onClick={() => void Taro.navigateTo({ url: KPI_PAGE })}>
                KPI 看板
              </Button>
              <Button className="btn queue-refresh" onClick={queue.refresh}>
                刷新
              </Button>
            </View>
            <QueueFilterBar
              filters={filters}
              categories={categories.state.status === "ok" ? categories.state.data.categories : []}
              onChange={setFilters}
            />
          </View>
        ) : null
      }
      loading={staff && queue.state.status === "loading"}
      error={error}
      onRetry={canRetry(error) ? queue.refresh : undefined}
      empty={queue.state.status === "ok" && queue.items.length === 0}
      emptyText="没有符合条件的案件"
    >
      <Text className="queue-total">共 {queue.total} 件</Text>
      <View className="queue-list">
        {queue.items.map((item) => (
          <QueueItemCard key={item.id} item={item} onOpen={open} />
        ))}
      </View>
      {queue.moreError ? <Text className="form-error queue-more-error">{queue.moreError}</Text> : null}
      {queue.hasMore ? (
        <Button className="btn queue-load-more" disabled={queue.loadingMore || undefined} onClick={() => void queue.loadMore()}>
          {queue.loadingMore ? "加载中…" : "加载更多"}
        </Button>
      ) : (
        <Text className="page-note queue-end">已显示全部</Text>
      )}
    </PageContainer>
  );
}
