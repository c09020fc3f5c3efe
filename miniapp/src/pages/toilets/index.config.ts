export default definePageConfig({ navigationBarTitleText: "找厕所" });
