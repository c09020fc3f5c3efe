/*
 * Where "导航前往" goes in a browser, which has no WeChat map: the marker pages of the three big map apps,
 * each of which opens its app when installed. Points are GCJ-02 (what the API stores and all three accept).
 */
export interface NavigateTarget {
  lat: number;
  lng: number;
  name: string;
  address?: string | null;
}

export interface MapLink {
  id: "amap" | "tencent" | "baidu";
  label: string;
  href: string;
}

/** Who is asking, as Tencent (referer) and Baidu (src) want it named. */
const APP_NAME = "suzhou-civic";

/** Six decimals (about 0.1 m) without the float noise of a plain toString. */
const coord = (n: number): string => String(Number(n.toFixed(6)));

export function mapLinks(t: NavigateTarget): MapLink[] {
  const name = encodeURIComponent(t.name);
  const lat = coord(t.lat);
  const lng = coord(t.lng);
  return [
    { id: "amap", label: "高德地图", href: `https://uri.amap.com/marker?position=${lng},${lat}&name=${name}&coordinate=gaode` },
    {
      id: "tencent",
      label: "腾讯地图",
      href: `https://apis.map.qq.com/uri/v1/marker?marker=coord:${lat},${lng};title:${name}&referer=${APP_NAME}`,
    },
    {
      id: "baidu",
      label: "百度地图",
      href: `https://api.map.baidu.com/marker?location=${lat},${lng}&title=${name}&coord_type=gcj02&output=html&src=${APP_NAME}`,
    },
  ];
}

/** What 复制地址 puts on the clipboard: the name and, when known, the address. */
export const addressText = (t: NavigateTarget): string => (t.address ? `${t.name} ${t.address}` : t.name);
