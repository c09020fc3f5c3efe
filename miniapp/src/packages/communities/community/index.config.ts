export default definePageConfig({ navigationBarTitleText: "小区详情" });
