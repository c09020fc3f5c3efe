export default definePageConfig({ navigationBarTitleText: "公厕目录" });
