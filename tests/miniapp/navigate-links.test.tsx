import { fireEvent, render, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { addressText, mapLinks } from "../../miniapp/src/components/navigate/mapLinks";
import { NavigateButton } from "../../miniapp/src/components/navigate/NavigateButton";
import { NavigateButton as WeappNavigateButton } from "../../miniapp/src/components/navigate/NavigateButton.weapp";
import Taro from "./shims/taro";

/* 导航前往 anywhere in the app: the map apps' web links in H5 (no WeChat JS-SDK there), WeChat's map in the weapp. */

const PLACE = { lat: 31.30195, lng: 120.6207, name: "观前街醋坊桥公厕 & 东", address: "姑苏区观前街醋坊桥东" };

describe("mapLinks: the three map apps' marker URLs", () => {
  it("puts the GCJ-02 point in each app's own order (Amap lng,lat; Tencent and Baidu lat,lng) and says it is GCJ-02", () => {
    const [amap, tencent, baidu] = mapLinks(PLACE);
    const name = encodeURIComponent(PLACE.name);
    expect(amap?.href).toBe(`https://uri.amap.com/marker?position=120.6207,31.30195&name=${name}&coordinate=gaode`);
    expect(tencent?.href).toBe(`https://apis.map.qq.com/uri/v1/marker?marker=coord:31.30195,120.6207;title:${name}&referer=suzhou-civic`);
    expect(baidu?.href).toBe(
      `https://api.map.baidu.com/marker?location=31.30195,120.6207&title=${name}&coord_type=gcj02&output=html&src=suzhou-civic`,
    );
  });

  it("URL-encodes the name, so '&', ';' and Chinese cannot break a link's query", () => {
    for (const link of mapLinks(PLACE)) {
      const url = new URL(link.href);
      expect(url.protocol).toBe("https:");
      expect(link.href).not.toContain("观前街");
      expect(link.href).not.toContain(" & ");
    }
    expect(new URL(mapLinks(PLACE)[0]?.href ?? "").searchParams.get("name")).toBe(PLACE.name);
    expect(new URL(mapLinks(PLACE)[2]?.href ?? "").searchParams.get("title")).toBe(PLACE.name);
  });

  it("rounds coordinates to six decimals without float noise", () => {
    const [amap] = mapLinks({ lat: 31.1 + 0.2, lng: 120.123456789, name: "x" });
    expect(amap?.href).toContain("position=120.123457,31.3&");
  });

  it("copies the name and address, or the name alone when the address is unknown", () => {
    expect(addressText(PLACE)).toBe("观前街醋坊桥公厕 & 东 姑苏区观前街醋坊桥东");
    expect(addressText({ ...PLACE, address: null })).toBe(PLACE.name);
  });
});

describe("NavigateButton in H5: a sheet of map apps and 复制地址", () => {
  it("shows nothing until tapped, then the three links (opening in a new tab) and 复制地址", () => {
    const { container } = render(<NavigateButton target={PLACE} />);
    expect(container.querySelector(".navigate-sheet")).toBeNull();
    fireEvent.click(container.querySelector(".navigate-button") as HTMLElement);
    const links = [...container.querySelectorAll<HTMLAnchorElement>("a.navigate-link")];
    expect(links.map((a) => a.textContent)).toEqual(["高德地图", "腾讯地图", "百度地图"]);
    expect(links.map((a) => a.getAttribute("href"))).toEqual(mapLinks(PLACE).map((l) => l.href));
    for (const a of links) expect(a.getAttribute("target")).toBe("_blank");
    expect(container.querySelector(".navigate-copy")?.textContent).toBe("复制地址");
    fireEvent.click(container.querySelector(".navigate-button") as HTMLElement);
    expect(container.querySelector(".navigate-sheet")).toBeNull();
  });

  it("复制地址 puts name and address on the clipboard and says so", async () => {
    const clipboard = vi.spyOn(Taro, "setClipboardData");
    const toast = vi.spyOn(Taro, "showToast");
    const { container } = render(<NavigateButton target={PLACE} />);
    fireEvent.click(container.querySelector(".navigate-button") as HTMLElement);
    fireEvent.click(container.querySelector(".navigate-copy") as HTMLElement);
    expect(clipboard).toHaveBeenCalledWith({ data: "观前街醋坊桥公厕 & 东 姑苏区观前街醋坊桥东" });
    await waitFor(() => expect(toast).toHaveBeenCalledWith({ title: "地址已复制", icon: "success" }));
  });

  it("says when the copy failed instead of staying silent", async () => {
    vi.spyOn(Taro, "setClipboardData").mockRejectedValue({ errMsg: "setClipboardData:fail" });
    const toast = vi.spyOn(Taro, "showToast");
    const { container } = render(<NavigateButton target={PLACE} />);
    fireEvent.click(container.querySelector(".navigate-button") as HTMLElement);
    fireEvent.click(container.querySelector(".navigate-copy") as HTMLElement);
    await waitFor(() => expect(toast).toHaveBeenCalledWith({ title: "复制失败，请手动记下地址", icon: "none" }));
  });
});

describe("NavigateButton in the weapp (NavigateButton.weapp.tsx)", () => {
  it("opens WeChat's map at the GCJ-02 point with name and address", () => {
    const openLocation = vi.spyOn(Taro, "openLocation");
    const { container } = render(<WeappNavigateButton target={PLACE} />);
    fireEvent.click(container.querySelector(".navigate-button") as HTMLElement);
    expect(openLocation).toHaveBeenCalledWith({
      latitude: 31.30195,
      longitude: 120.6207,
      name: PLACE.name,
      address: PLACE.address,
      scale: 17,
    });
    expect(container.querySelector(".navigate-sheet")).toBeNull();
  });
});
