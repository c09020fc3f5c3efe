export default definePageConfig({ navigationBarTitleText: "停车场详情" });
