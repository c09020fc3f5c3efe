export default definePageConfig({ navigationBarTitleText: "补充物品" });
