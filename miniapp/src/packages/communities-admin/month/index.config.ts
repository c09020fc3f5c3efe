export default definePageConfig({ navigationBarTitleText: "星级小区月度评定" });
