export default definePageConfig({ navigationBarTitleText: "厕所详情" });
