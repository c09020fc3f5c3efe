import { wgs84ToGcj02 } from "@civic/shared";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import ToiletFinderPage from "../../miniapp/src/pages/toilets/index";
import { nearbyBody, ok, stubApi, TOILETS } from "./fixtures";
import Taro from "./shims/taro";

const findButton = (container: HTMLElement) => container.querySelector(".find-toilets") as HTMLElement;

describe("asking for the location (privacy first, only on tap)", () => {
  it("H5: uses the browser's position, converted from WGS-84 to GCJ-02, and searches there", async () => {
    const here = { lat: 31.3, lng: 120.6 };
    const getLocation = vi.spyOn(Taro, "getLocation").mockResolvedValue({ latitude: here.lat, longitude: here.lng });
    const sent = stubApi(() => ok(nearbyBody(TOILETS)));
    const { container } = render(<ToiletFinderPage />);
    fireEvent.click(findButton(container));
    await waitFor(() => expect(container.querySelectorAll(".toilet-item")).toHaveLength(3));
    expect(getLocation).toHaveBeenCalledWith(expect.objectContaining({ type: "wgs84" }));
    const expected = wgs84ToGcj02(here);
    expect(Number(sent[0]?.query.get("lat"))).toBeCloseTo(expected.lat, 5);
    expect(Number(sent[0]?.query.get("lng"))).toBeCloseTo(expected.lng, 5);
    expect(container.querySelector(".place-label")?.textContent).toContain("我的位置");
  });

  it("when the location is refused, says so and keeps the district list to choose from", async () => {
    vi.spyOn(Taro, "getLocation").mockRejectedValue({ errMsg: "getLocation:fail auth deny" });
    const request = vi.spyOn(Taro, "request");
    const { container } = render(<ToiletFinderPage />);
    fireEvent.click(findButton(container));
    expect(await screen.findByText("没有获得位置权限，请选择所在区域查找")).toBeInTheDocument();
    expect(container.querySelector(".district-gusu")).not.toBeNull();
    expect(request).not.toHaveBeenCalled();
  });

  it("weapp: shows our privacy notice first; declining it never touches the location", async () => {
    vi.stubEnv("TARO_ENV", "weapp");
    vi.spyOn(Taro, "getPrivacySetting").mockImplementation((cb) => cb.success?.({ needAuthorization: true, privacyContractName: "指引" }));
    const modal = vi.spyOn(Taro, "showModal").mockResolvedValue({ confirm: false, cancel: true, errMsg: "showModal:ok" });
    const authorize = vi.spyOn(Taro, "requirePrivacyAuthorize");
    const getLocation = vi.spyOn(Taro, "getLocation");
    const { container } = render(<ToiletFinderPage />);
    fireEvent.click(findButton(container));
    expect(await screen.findByText("您没有同意获取位置，可以选择所在区域查找")).toBeInTheDocument();
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: "位置信息使用说明" }));
    expect(authorize).not.toHaveBeenCalled();
    expect(getLocation).not.toHaveBeenCalled();
  });

  it("weapp: after consent, authorises privacy with WeChat and asks for a GCJ-02 position", async () => {
    vi.stubEnv("TARO_ENV", "weapp");
    vi.spyOn(Taro, "getPrivacySetting").mockImplementation((cb) => cb.success?.({ needAuthorization: true, privacyContractName: "指引" }));
    const authorize = vi.spyOn(Taro, "requirePrivacyAuthorize");
    const getLocation = vi.spyOn(Taro, "getLocation").mockResolvedValue({ latitude: 31.31, longitude: 120.63 });
    const sent = stubApi(() => ok(nearbyBody(TOILETS)));
    const { container } = render(<ToiletFinderPage />);
    fireEvent.click(findButton(container));
    await waitFor(() => expect(container.querySelectorAll(".toilet-item")).toHaveLength(3));
    expect(authorize).toHaveBeenCalledTimes(1);
    expect(getLocation).toHaveBeenCalledWith({ type: "gcj02" });
    expect(sent[0]?.query.get("lat")).toBe("31.310000");
  });

  it("weapp: when privacy was agreed before, goes straight to the location", async () => {
    vi.stubEnv("TARO_ENV", "weapp");
    const modal = vi.spyOn(Taro, "showModal");
    vi.spyOn(Taro, "getLocation").mockResolvedValue({ latitude: 31.31, longitude: 120.63 });
    stubApi(() => ok(nearbyBody(TOILETS)));
    const { container } = render(<ToiletFinderPage />);
    fireEvent.click(findButton(container));
    await waitFor(() => expect(container.querySelectorAll(".toilet-item")).toHaveLength(3));
    expect(modal).not.toHaveBeenCalled();
  });
});
