export default definePageConfig({ navigationBarTitleText: "停车数据源" });
