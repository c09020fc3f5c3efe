export default definePageConfig({ navigationBarTitleText: "大件物品目录" });
