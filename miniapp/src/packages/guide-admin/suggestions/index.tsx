import { canAdminister } from "@civic/shared";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import "../guide-admin.css";
import { pendingSuggestions } from "../api";
import { SuggestionCard } from "./SuggestionCard";

/* 分类指南建议 (admin): residents' pending suggestions, oldest first; accepting adds the item to the guide. */

const ADMIN_ONLY = "此页面仅限系统管理员使用";

export default function GuideSuggestionsPage() {
  const session = useSession();
  const allowed = canAdminister(session?.user);
  const list = useApiLoad(session && allowed ? `guide-suggestions:${session.user.id}` : null, pendingSuggestions);
  const pending = list.state.status === "ok" ? list.state.data.suggestions : [];
  const drop = (id: string) => {
    if (list.state.status === "ok") list.replace({ suggestions: pending.filter((s) => s.id !== id) });
  };
  return (
    <PageContainer
      className="guide-admin-page"
      title="分类指南建议"
      subtitle="居民提交的未收录物品"
      needsLogin={!session}
      loading={list.state.status === "loading"}
      error={session && !allowed ? ADMIN_ONLY : list.state.status === "error" ? list.state.error : null}
      onRetry={allowed ? list.reload : undefined}
      empty={list.state.status === "ok" && pending.length === 0}
      emptyText="暂无待处理的建议"
    >
      {pending.map((s) => (
        <SuggestionCard key={s.id} s={s} onResolved={() => drop(s.id)} />
      ))}
    </PageContainer>
  );
}
