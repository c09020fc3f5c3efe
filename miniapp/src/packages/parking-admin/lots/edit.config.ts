export default definePageConfig({ navigationBarTitleText: "编辑停车场" });
