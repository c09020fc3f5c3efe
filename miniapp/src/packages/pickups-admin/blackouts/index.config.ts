export default definePageConfig({ navigationBarTitleText: "停收日期" });
