import { BULKY_PICKUP_PAGE, WASTE_CLASS_INFO } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro, { useRouter } from "@tarojs/taro";
import { PageContainer } from "../../../components/PageContainer";
import { useGuide } from "../cache";
import { ClassChip } from "../components/ClassChip";
import "../guide.css";
import { guideClassUrl } from "../routes";

/* One item: its bin, how to put it out, why (for tricky ones); furniture and appliances: book a pickup. */
export default function GuideItemPage() {
  const id = useRouter().params.id ?? "";
  const { state, retry } = useGuide();
  const item = state.status === "ok" ? state.items.find((i) => i.id === id) : undefined;
  return (
    <PageContainer
      className="guide-item-page"
      title={item?.name ?? "怎么投放"}
      loading={state.status === "loading"}
      error={state.status === "error" ? state.error : null}
      onRetry={retry}
      empty={state.status === "ok" && !item}
      emptyText="分类指南里没有这件物品"
    >
      {item ? (
        <View className="card guide-item">
          <View onClick={() => void Taro.navigateTo({ url: guideClassUrl(item.class) })}>
            <ClassChip cls={item.class} large />
          </View>
          <Text className="guide-howto">{item.howTo}</Text>
          {item.note ? <Text className="guide-note">{item.note}</Text> : null}
          {item.synonyms.length > 0 ? <Text className="guide-synonyms">也叫：{item.synonyms.join("、")}</Text> : null}
          <Text className="guide-rule">{WASTE_CLASS_INFO[item.class].rule}</Text>
          {item.bulky ? (
            <Button
              className="btn btn-primary btn-large guide-book-pickup"
              onClick={() => void Taro.navigateTo({ url: BULKY_PICKUP_PAGE })}
            >
              预约大件垃圾上门收运
            </Button>
          ) : null}
        </View>
      ) : null}
    </PageContainer>
  );
}
