export default definePageConfig({ navigationBarTitleText: "怎么投放" });
