export default definePageConfig({ navigationBarTitleText: "小区与投放点" });
