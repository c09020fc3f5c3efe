export default definePageConfig({ navigationBarTitleText: "停车场目录" });
