export default definePageConfig({ navigationBarTitleText: "停车运营方" });
