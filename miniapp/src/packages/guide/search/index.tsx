import { type GuideMatchKind, searchGuide, WASTE_CLASS_INFO, WASTE_CLASSES } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useMemo, useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { useGuide } from "../cache";
import { ClassChip } from "../components/ClassChip";
import "../guide.css";
import { GUIDE_QUIZ_PAGE, guideClassUrl, guideItemUrl, guideSuggestUrl } from "../routes";

/* 垃圾分类查询: type a name (汉字, pinyin or initials) and see its bin at once, offline from the stored guide. */

const VIA: Record<GuideMatchKind, string> = { name: "", prefix: "", synonym: "别名匹配", pinyin: "拼音匹配" };

export default function GuideSearchPage() {
  const { state, retry } = useGuide();
  const [q, setQ] = useState("");
  const items = state.status === "ok" ? state.items : null;
  const hits = useMemo(() => (items && q.trim() ? searchGuide(items, q) : []), [items, q]);
  const open = (url: string) => void Taro.navigateTo({ url });
  return (
    <PageContainer
      className="guide-search-page"
      title="垃圾分类查询"
      subtitle="输入物品名称、拼音或首字母"
      loading={state.status === "loading"}
      error={state.status === "error" ? state.error : null}
      onRetry={retry}
    >
      <Input
        className="text-input guide-search-input"
        value={q}
        maxlength={40}
        placeholder="例如：塑料瓶 / slp / suliao"
        confirmType="search"
        onInput={(e) => setQ(e.detail.value)}
      />
      {state.status === "ok" && state.offline ? <Text className="guide-offline">网络不可用，正在使用已保存的分类指南</Text> : null}
      {q.trim() === "" ? (
        <View className="guide-class-links">
          {WASTE_CLASSES.map((c) => (
            <View key={c} className={`guide-class-link guide-class-link-${c}`} onClick={() => open(guideClassUrl(c))}>
              <ClassChip cls={c} large />
            </View>
          ))}
        </View>
      ) : null}
      {hits.map((h) => (
        <View key={h.item.id} className="guide-hit" data-id={h.item.id} onClick={() => open(guideItemUrl(h.item.id))}>
          <View>
            <Text className="guide-hit__name">{h.item.name}</Text>
            {VIA[h.match] ? <Text className="guide-hit__via">{VIA[h.match]}</Text> : null}
          </View>
          <ClassChip cls={h.item.class} />
        </View>
      ))}
      {q.trim() !== "" && hits.length === 0 && items ? (
        <View className="state-empty guide-not-found">
          <Text className="empty-text">没有找到“{q.trim()}”</Text>
        </View>
      ) : null}
      {q.trim() !== "" ? (
        <Button className="btn btn-large guide-suggest-button" onClick={() => open(guideSuggestUrl(q.trim()))}>
          没找到？告诉我们
        </Button>
      ) : (
        <Button className="btn btn-primary btn-large guide-quiz-button" onClick={() => open(GUIDE_QUIZ_PAGE)}>
          每日答题
        </Button>
      )}
      {q.trim() === "" ? (
        <Text className="hint-text guide-rule">{WASTE_CLASSES.map((c) => WASTE_CLASS_INFO[c].label).join(" · ")}</Text>
      ) : null}
    </PageContainer>
  );
}
