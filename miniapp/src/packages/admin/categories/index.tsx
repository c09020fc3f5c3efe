import type { Category } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { canRetry, isAdmin, pageError } from "../access";
import "../admin.css";
import { allCategories } from "../api";
import { CategoryForm } from "./CategoryForm";

/* 问题类别: every category (retired ones too), its SLA, department and extra fields; new ones; retiring. */

export default function AdminCategoriesPage() {
  const session = useSession();
  const admin = isAdmin(session);
  const [editing, setEditing] = useState<Category | "new" | null>(null);
  const { state, reload, replace } = useApiLoad(session && admin ? "categories" : null, allCategories);
  const categories = state.status === "ok" ? state.data.categories : [];
  const error = pageError(session, state.status === "error" ? state.error : null);

  const saved = (c: Category) => {
    const known = categories.some((x) => x.code === c.code);
    replace({ categories: known ? categories.map((x) => (x.code === c.code ? c : x)) : [...categories, c] });
    setEditing(c);
    void Taro.showToast({ title: "已保存", icon: "success" });
  };

  return (
    <PageContainer
      className="admin-page admin-categories"
      title="问题类别"
      subtitle="处置时限（小时）从立案起算"
      needsLogin={!session}
      loginHint="请使用系统管理员账号登录"
      toolbar={
        admin ? (
          <Button className="btn btn-primary category-new" onClick={() => setEditing("new")}>
            新建类别
          </Button>
        ) : null
      }
      loading={state.status === "loading"}
      error={error}
      onRetry={canRetry(error) ? reload : undefined}
      empty={state.status === "ok" && categories.length === 0 && editing === null}
      emptyText="还没有问题类别"
    >
      <View className="admin-columns">
        <View className="admin-columns__main category-list">
          {categories.map((c) => (
            <View
              key={c.code}
              className={`card category-row category-${c.code}${c.active ? "" : " is-inactive"}`}
              onClick={() => setEditing(c)}
            >
              <Text className="category-row__name">{c.name}</Text>
              <Text className="category-row__meta">
                {c.groupName} · {c.department} · 时限 <Text className="category-row__sla">{c.slaHours}</Text> 小时
              </Text>
              {c.active ? null : <Text className="category-row__inactive">已停用</Text>}
            </View>
          ))}
        </View>
        <View className="admin-columns__side">
          {editing ? (
            <CategoryForm key={editing === "new" ? "new" : editing.code} category={editing === "new" ? null : editing} onSaved={saved} />
          ) : (
            <Text className="admin-hint">选择一个类别进行修改</Text>
          )}
        </View>
      </View>
    </PageContainer>
  );
}
