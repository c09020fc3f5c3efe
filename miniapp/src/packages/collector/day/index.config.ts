export default definePageConfig({ navigationBarTitleText: "我的收运路线" });
