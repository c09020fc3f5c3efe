export default definePageConfig({ navigationBarTitleText: "KPI 看板" });
