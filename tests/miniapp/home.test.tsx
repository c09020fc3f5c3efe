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

  it("shows the services still to come as disabled tiles saying what each will do", () => {
    const navigate = vi.spyOn(Taro, "navigateTo");
    const { container } = render(<HomePage />);
    const coming = [...container.querySelectorAll<HTMLElement>(".service-tile.is-disabled")];
    expect(coming.map((t) => t.querySelector(".service-tile__name")?.textContent)).toEqual(["停车", "夜市摊位"]);
    for (const tile of coming) {
      expect(tile.querySelector(".coming-soon")?.textContent).toBe("即将上线");
      expect(tile.querySelector(".service-tile__desc")?.textContent?.length).toBeGreaterThan(5);
      fireEvent.click(tile);
    }
    expect(navigate).not.toHaveBeenCalled();
    expect(container.textContent).not.toMatch(/placeholder|敬请期待/i);
  });

  it("a tap on a service still to come says, in a sentence, what it will do", () => {
    const modal = vi.spyOn(Taro, "showModal");
    const { container } = render(<HomePage />);
    fireEvent.click(container.querySelector(".service-parking") as HTMLElement);
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: "停车 即将上线", showCancel: false, confirmText: "知道了" }));
    const said = modal.mock.calls[0]?.[0] as { content: string };
    expect(said.content).toMatch(/^上线后可.+。$/);
    fireEvent.click(container.querySelector(".service-night-market") as HTMLElement);
    expect(modal).toHaveBeenCalledTimes(2);
    expect(new Set(modal.mock.calls.map((c) => (c[0] as { content: string }).content)).size).toBe(2);
  });
});
