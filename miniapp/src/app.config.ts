export default defineAppConfig({
  pages: [
    "pages/index/index",
    "pages/nearby/index",
    "pages/me/index",
    "pages/login/index",
    "pages/toilets/index",
    "pages/toilets/detail",
    "pages/reports/mine",
    "pages/reports/detail",
    "pages/reports/map",
    "pages/inbox/index",
  ],
  subPackages: [
    {
      // 随手拍, the report wizard: its steps, draft keeping and submit (the wizard alone weighs ~40 KB, so it is
      // not in the main package; the home page preloads it, see preloadRule). Report detail, my reports and
      // the public map stay in the main package: messages already sent link to them.
      root: "packages/reports",
      pages: ["new/index"],
    },
    {
      // The admin console (also on a desktop-width H5 screen); downloaded only when an admin opens it.
      root: "packages/admin",
      pages: [
        "home/index",
        "users/index",
        "categories/index",
        "toilets/index",
        "toilets/edit",
        "toilet-import/index",
        "open311-keys/index",
        "audit/index",
        "toilet-feedback/index",
      ],
    },
    {
      // Bureau staff's case handling (moderator, admin): queue, case detail with its actions, KPIs.
      root: "packages/moderation",
      pages: ["queue/index", "report/index", "kpis/index"],
    },
    {
      // The bureau's bulky-waste pickups: catalogue, slots, blackouts, collectors' streets (admin) and the
      // day overview with KPIs (staff, also opened from the moderation KPIs page).
      root: "packages/pickups-admin",
      pages: ["items/index", "slots/index", "blackouts/index", "collectors/index", "overview/index"],
    },
    {
      // The caller's own account: the privacy policy, export of my data, account deletion (PIPL).
      root: "packages/account",
      pages: ["privacy/index"],
    },
    {
      // Recycling collectors (回收员): bulky-waste jobs to accept, the day's route, working a job.
      root: "packages/collector",
      pages: ["jobs/index", "day/index", "job/index", "weigh/index"],
    },
    {
      // Rewards (积分兑换), the resident's side: what is on offer, a reward with its redeem confirm, my redemptions.
      root: "packages/rewards",
      pages: ["list/index", "detail/index", "mine/index"],
    },
    {
      // The bureau's rewards: the catalogue (admin) and the pickup desk (staff: 确认领取).
      root: "packages/rewards-admin",
      pages: ["list/index", "desk/index"],
    },
    {
      // Bulky-waste pickups (大件垃圾预约), the resident's side: the booking wizard, my bookings, a booking.
      root: "packages/pickups",
      pages: ["book/index", "mine/index", "booking/index"],
    },
    {
      // 小蜜蜂 volunteers: my bin rooms, checks at a bin room (opened by its QR code ?room=<code>, works
      // offline and syncs in batches), today's tally.
      root: "packages/volunteer",
      pages: ["rooms/index", "check/index", "today/index"],
    },
    {
      // 我的积分 (recycling points): the hub, the history and the rotating code to show the collector.
      root: "packages/points",
      pages: ["index/index", "history/index", "code/index"],
    },
    {
      // The bureau's points settings (admin): the versioned rate table, daily caps, flagged anomalies.
      root: "packages/points-admin",
      pages: ["rates/index", "caps/index", "flags/index"],
    },
    {
      // The sorting guide (垃圾分类指南): offline search, an item, the four classes, the daily quiz, "not found".
      root: "packages/guide",
      pages: ["search/index", "item/index", "classes/index", "quiz/index", "suggest/index"],
    },
    {
      // The bureau's review of residents' suggestions for the sorting guide (admin).
      root: "packages/guide-admin",
      pages: ["suggestions/index"],
    },
    {
      // 星级小区, the resident's and the public's side: my community, the ranking, a community's page.
      root: "packages/communities",
      pages: ["mine/index", "ranking/index", "community/index"],
    },
    {
      // The bureau's 星级小区: communities, bin rooms (QR paths), volunteers; inspections and the month's publication.
      root: "packages/communities-admin",
      pages: ["communities/index", "month/index"],
    },
    {
      // 夜市摊位, the resident's side: night markets and vending zones open now or tonight (list and map), a zone's page.
      root: "packages/night-markets",
      pages: ["list/index", "detail/index"],
    },
    {
      // The bureau's night markets and vending zones (admin): every zone, a zone's form with its area, suspensions.
      root: "packages/markets-admin",
      pages: ["zones/index", "zones/edit"],
    },
    {
      // 找停车, the resident's side: nearby lots with live free spaces (list and map), a lot with its 24-hour chart.
      root: "packages/parking",
      pages: ["finder/index", "lot/index"],
    },
    {
      // The bureau's parking (admin): data sources and their health, operators with their feed keys, lots.
      root: "packages/parking-admin",
      pages: ["sources/index", "operators/index", "lots/index", "lots/edit"],
    },
  ],
  window: {
    backgroundTextStyle: "light",
    navigationBarBackgroundColor: "#1a7f5a",
    navigationBarTitleText: "城管服务",
    navigationBarTextStyle: "white",
    backgroundColor: "#f4f6f5",
  },
  tabBar: {
    // The weapp draws its own bar (custom-tab-bar/) so 适老化 can enlarge it; `list` stays for WeChat.
    // Taro's H5 would show no bar at all with `custom`, so H5 keeps its own (large text: styles/nav.css).
    custom: process.env.TARO_ENV === "weapp",
    color: "#8a8a8a",
    selectedColor: "#1a7f5a",
    backgroundColor: "#ffffff",
    borderStyle: "black",
    list: [
      { pagePath: "pages/index/index", text: "首页", iconPath: "assets/tab-home.png", selectedIconPath: "assets/tab-home-active.png" },
      { pagePath: "pages/nearby/index", text: "附近", iconPath: "assets/tab-nearby.png", selectedIconPath: "assets/tab-nearby-active.png" },
      { pagePath: "pages/me/index", text: "我的", iconPath: "assets/tab-me.png", selectedIconPath: "assets/tab-me-active.png" },
    ],
  },
  // 随手拍 is one tap from 首页: fetch its package as soon as the home page shows (on any network; it is small).
  preloadRule: {
    "pages/index/index": { network: "all", packages: ["packages/reports"] },
  },
  requiredPrivateInfos: ["getLocation", "chooseLocation", "chooseAddress"],
  permission: {
    "scope.userLocation": { desc: "用于查找您附近的公共厕所等便民设施，以及标注您上报问题的位置" },
  },
  __usePrivacyCheck__: true,
  lazyCodeLoading: "requiredComponents",
});
