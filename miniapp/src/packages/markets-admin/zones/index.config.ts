export default definePageConfig({ navigationBarTitleText: "夜市与便民疏导点" });
