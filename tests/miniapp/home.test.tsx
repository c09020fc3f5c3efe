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

  it("shows the services still to come as disabled tiles saying what each will do", () => {
    const navigate = vi.spyOn(Taro, "navigateTo");
    const { container } = render(<HomePage />);
    const coming = [...container.querySelectorAll<HTMLElement>(".service-tile.is-disabled")];
    expect(coming.map((t) => t.querySelector(".service-tile__name")?.textContent)).toEqual([
      "大件垃圾预约",
      "停车",
      "夜市摊位",
      "垃圾分类/积分",
    ]);
    for (const tile of coming) {
      expect(tile.querySelector(".coming-soon")?.textContent).toBe("即将上线");
      expect(tile.querySelector(".service-tile__desc")?.textContent?.length).toBeGreaterThan(5);
      fireEvent.click(tile);
    }
    expect(navigate).not.toHaveBeenCalled();
    expect(container.textContent).not.toMatch(/placeholder|敬请期待/i);
  });
});
