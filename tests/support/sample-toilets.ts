import { ToiletSummary } from "@civic/shared";

/*
 * Three toilets around Guanqian Street (GCJ-02) as a nearby search answers them: open / closed / unknown,
 * free and paid, each facility on at least one. Built through the shared schema, so a contract change
 * breaks the mini-program tests that use them too.
 */
export const GUANQIAN_TOILETS: ToiletSummary[] = [
  {
    id: "0190a1b2-0000-7000-8000-000000000001",
    name: "观前街醋坊桥公厕",
    address: "姑苏区观前街醋坊桥东",
    district: "姑苏区",
    kind: "municipal",
    lat: 31.30195,
    lng: 120.6207,
    distanceM: 72,
    openNow: "open",
    free: true,
    accessible: true,
    thirdToilet: true,
    babyCare: false,
  },
  {
    id: "0190a1b2-0000-7000-8000-000000000002",
    name: "人民商场开放联盟卫生间",
    address: "姑苏区观前街101号人民商场2楼",
    district: "姑苏区",
    kind: "alliance",
    lat: 31.3029,
    lng: 120.6188,
    distanceM: 268,
    openNow: "closed",
    free: true,
    accessible: false,
    thirdToilet: false,
    babyCare: true,
  },
  {
    id: "0190a1b2-0000-7000-8000-000000000003",
    name: "玄妙观东广场公厕",
    address: "姑苏区宫巷玄妙观东侧",
    district: "姑苏区",
    kind: "scenic",
    lat: 31.3112,
    lng: 120.6229,
    distanceM: 1534,
    openNow: "unknown",
    free: false,
    accessible: true,
    thirdToilet: false,
    babyCare: false,
  },
].map((t) => ToiletSummary.parse(t));
