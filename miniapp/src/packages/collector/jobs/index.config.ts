export default definePageConfig({ navigationBarTitleText: "收运任务", enablePullDownRefresh: true });
