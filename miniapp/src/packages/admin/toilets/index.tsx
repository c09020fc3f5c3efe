import { TOILET_KIND_LABELS } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import Taro, { useDidShow } from "@tarojs/taro";
import { useCallback, useRef, useState } from "react";
import { CITY_DISTRICTS } from "../../../city/districts";
import { Chip } from "../../../components/Chip";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { canRetry, isAdmin, pageError } from "../access";
import "../admin.css";
import { adminToilets } from "../api";
import { useCursorPages } from "../components/useCursorPages";
import { TOILET_IMPORT_PAGE, toiletEditUrl } from "../routes";

/* 公厕目录: search the whole catalogue (deactivated toilets too) by name, district and state. */
type ActiveFilter = "all" | "true" | "false";

export default function AdminToiletsPage() {
  const session = useSession();
  const admin = isAdmin(session);
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const [district, setDistrict] = useState<string | null>(null);
  const [active, setActive] = useState<ActiveFilter>("all");
  const key = session && admin ? JSON.stringify([q, district, active]) : null;
  const load = useCallback(
    async (cursor?: string) => {
      const res = await adminToilets({
        q: q || undefined,
        district: district ?? undefined,
        active: active === "all" ? undefined : active,
        cursor,
      });
      return res.ok ? { ...res, data: { items: res.data.toilets, nextCursor: res.data.nextCursor } } : res;
    },
    [q, district, active],
  );
  const list = useCursorPages(key, load);
  const error = pageError(session, list.state.status === "error" ? list.state.error : null);
  const shown = useRef(false);
  // Back from an edit: the row may have changed.
  useDidShow(() => {
    if (shown.current) list.reload();
    shown.current = true;
  });

  return (
    <PageContainer
      className="admin-page admin-toilets"
      title="公厕目录"
      needsLogin={!session}
      loginHint="请使用系统管理员账号登录"
      toolbar={
        <View className="admin-filters">
          <View className="admin-search">
            <Input
              className="text-input toilet-search-input"
              value={text}
              placeholder="名称、地址或数据来源编号"
              onInput={(e) => setText(e.detail.value)}
            />
            <Button className="btn btn-primary toilet-search-button" onClick={() => setQ(text.trim())}>
              查找
            </Button>
          </View>
          <View className="chip-row">
            <Chip label="全部区" className="district-all" active={district === null} onTap={() => setDistrict(null)} />
            {CITY_DISTRICTS.map((d) => (
              <Chip
                key={d.code}
                label={d.name}
                className={`district-${d.id}`}
                active={district === d.officialName}
                onTap={() => setDistrict(d.officialName)}
              />
            ))}
          </View>
          <View className="chip-row">
            <Chip label="全部" className="active-all" active={active === "all"} onTap={() => setActive("all")} />
            <Chip label="在用" className="active-true" active={active === "true"} onTap={() => setActive("true")} />
            <Chip label="已停用" className="active-false" active={active === "false"} onTap={() => setActive("false")} />
            <Text className="chip toilet-import-link" onClick={() => void Taro.navigateTo({ url: TOILET_IMPORT_PAGE })}>
              导入…
            </Text>
          </View>
        </View>
      }
      loading={list.state.status === "loading"}
      error={error}
      onRetry={canRetry(error) ? list.reload : undefined}
      empty={list.state.status === "ok" && list.items.length === 0}
      emptyText="没有符合条件的公厕"
    >
      <View className="admin-table toilet-table">
        {list.items.map((t) => (
          <View
            key={t.id}
            className={`admin-table__row toilet-row${t.active ? "" : " is-inactive"}`}
            onClick={() => void Taro.navigateTo({ url: toiletEditUrl(t.id) })}
          >
            <Text className="admin-table__cell toilet-row__name">{t.name}</Text>
            <Text className="admin-table__cell toilet-row__address">{t.address}</Text>
            <Text className="admin-table__cell toilet-row__district">{t.district}</Text>
            <Text className="admin-table__cell toilet-row__kind">{TOILET_KIND_LABELS[t.kind]}</Text>
            <Text className="admin-table__cell toilet-row__state">{t.active ? "在用" : `已停用：${t.deactivatedReason ?? ""}`}</Text>
          </View>
        ))}
      </View>
      {list.moreError ? <Text className="form-error">{list.moreError.message}</Text> : null}
      {list.nextCursor ? (
        <Button className="btn load-more" disabled={list.loadingMore || undefined} onClick={() => void list.more()}>
          {list.loadingMore ? "加载中…" : "加载更多"}
        </Button>
      ) : null}
    </PageContainer>
  );
}
