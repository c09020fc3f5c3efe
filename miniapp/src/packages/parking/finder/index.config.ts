export default definePageConfig({ navigationBarTitleText: "找停车" });
