export default definePageConfig({ navigationBarTitleText: "修改公厕" });
