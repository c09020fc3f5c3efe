import { fireEvent, render } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import HomePage from "../../miniapp/src/pages/index/index";
import Taro from "./shims/taro";

describe("首页: the service grid", () => {
  it("opens the toilet finder from 找厕所", () => {
    const navigate = vi.spyOn(Taro, "navigateTo");
    const { container } = render(<HomePage />);
    fireEvent.click(container.querySelector(".service-toilets") as HTMLElement);
    expect(navigate).toHaveBeenCalledWith({ url: "/pages/toilets/index" });
  });

  it("opens the booking wizard from 大件垃圾预约", () => {
    const navigate = vi.spyOn(Taro, "navigateTo");
    const { container } = render(<HomePage />);
    const tile = container.querySelector(".service-bulky-waste") as HTMLElement;
    expect(tile.classList.contains("is-disabled")).toBe(false);
    fireEvent.click(tile);
    expect(navigate).toHaveBeenCalledWith({ url: "/packages/pickups/book/index" });
  });

  it("opens 我的积分 from 垃圾分类/积分", () => {
    const navigate = vi.spyOn(Taro, "navigateTo");
    const { container } = render(<HomePage />);
    fireEvent.click(container.querySelector(".service-recycling") as HTMLElement);
    expect(navigate).toHaveBeenCalledWith({ url: "/packages/points/index/index" });
  });

  it("opens 停车 and 夜市摊位: every service is open, none says 即将上线", () => {
    const navigate = vi.spyOn(Taro, "navigateTo");
    const { container } = render(<HomePage />);
    expect(container.querySelectorAll(".service-tile.is-disabled, .coming-soon")).toHaveLength(0);
    expect(container.textContent).not.toContain("即将上线");
    fireEvent.click(container.querySelector(".service-parking") as HTMLElement);
    fireEvent.click(container.querySelector(".service-night-market") as HTMLElement);
    expect(navigate.mock.calls.map((c) => c[0])).toEqual([
      { url: "/packages/parking/finder/index" },
      { url: "/packages/night-markets/list/index" },
    ]);
  });
});
