import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import AdminCategoriesPage from "../../miniapp/src/packages/admin/categories/index";
import { saveSession } from "../../miniapp/src/services/session";
import { validation } from "./admin-fixtures";
import { apiError, ok, sessionFor, stubApi } from "./fixtures";
import { categories } from "./moderation-fixtures";
import Taro from "./shims/taro";

const posters = () => categories().categories[0];

describe("admin console: report categories", () => {
  it("lists every category, retired ones too, and shows the empty and error states", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    const sent = stubApi(() => ok({ categories: [] }));
    const empty = render(<AdminCategoriesPage />);
    expect(empty.container.querySelector(".state-loading")).not.toBeNull();
    expect(await screen.findByText("还没有问题类别")).toBeInTheDocument();
    expect(sent[0]?.query.get("all")).toBe("1");
    empty.unmount();
    stubApi(() => apiError(503, "unavailable"));
    const failed = render(<AdminCategoriesPage />);
    await waitFor(() => expect(failed.container.querySelector(".state-error .retry-button")).not.toBeNull());
  });

  it("edits a category's SLA and extra fields, sending only the editable fields", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    const sent = stubApi((req) => (req.method === "GET" ? ok(categories()) : ok({ ...posters(), slaHours: 24 })));
    const { container } = render(<AdminCategoriesPage />);
    await waitFor(() => expect(container.querySelectorAll(".category-row")).toHaveLength(2));
    fireEvent.click(container.querySelector(".category-posters") as HTMLElement);
    fireEvent.change(container.querySelector(".category-slaHours") as HTMLElement, { target: { value: "24" } });
    fireEvent.click(container.querySelector(".attribute-add") as HTMLElement);
    const second = container.querySelector(".attribute-row-1") as HTMLElement;
    fireEvent.change(second.querySelector(".attribute-code") as HTMLElement, { target: { value: "light_kind" } });
    fireEvent.change(second.querySelector(".attribute-label") as HTMLElement, { target: { value: "灯的种类" } });
    fireEvent.click(second.querySelector(".attribute-type-singlevaluelist") as HTMLElement);
    fireEvent.change(second.querySelector(".attribute-values") as HTMLElement, { target: { value: "street=路灯, garden=庭院灯" } });
    fireEvent.click(container.querySelector(".category-save") as HTMLElement);
    await waitFor(() => expect(container.querySelector(".category-posters .category-row__sla")?.textContent).toBe("24"));
    const patch = sent.find((r) => r.method === "PATCH");
    expect(patch?.path).toBe("/api/v1/admin/report-categories/posters");
    expect(patch?.body).toMatchObject({ slaHours: 24, department: "姑苏区城管执法大队" });
    expect((patch?.body as { attributes?: unknown[] } | undefined)?.attributes?.[1]).toEqual({
      code: "light_kind",
      label: "灯的种类",
      datatype: "singlevaluelist",
      required: false,
      values: [
        { key: "street", name: "路灯" },
        { key: "garden", name: "庭院灯" },
      ],
    });
  });

  it("shows the server's 422 under the field it names", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    stubApi((req) =>
      req.method === "GET" ? ok(categories()) : validation([{ path: "slaHours", message: "Too big: expected number to be <=2160" }]),
    );
    const { container } = render(<AdminCategoriesPage />);
    await waitFor(() => expect(container.querySelector(".category-posters")).not.toBeNull());
    fireEvent.click(container.querySelector(".category-posters") as HTMLElement);
    fireEvent.change(container.querySelector(".category-slaHours") as HTMLElement, { target: { value: "99999" } });
    fireEvent.click(container.querySelector(".category-save") as HTMLElement);
    await waitFor(() => expect(container.querySelector(".field-error-slaHours")?.textContent).toContain("2160"));
    expect(container.querySelector(".category-posters .category-row__sla")?.textContent).toBe("48");
  });

  it("creates a category in a group, and retires one after confirmation", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    const created = { ...posters(), code: "broken_bench", name: "座椅损坏", group: "public_facilities", groupName: "公用设施" };
    const sent = stubApi((req) => {
      if (req.method === "GET") return ok(categories());
      if (req.method === "POST") return ok(created, 201);
      return ok({ ...posters(), active: false });
    });
    const modal = vi.spyOn(Taro, "showModal");
    const { container } = render(<AdminCategoriesPage />);
    await waitFor(() => expect(container.querySelector(".category-new")).not.toBeNull());
    fireEvent.click(container.querySelector(".category-new") as HTMLElement);
    fireEvent.change(container.querySelector(".category-code") as HTMLElement, { target: { value: "broken_bench" } });
    fireEvent.change(container.querySelector(".category-name") as HTMLElement, { target: { value: "座椅损坏" } });
    fireEvent.click(container.querySelector(".group-public_facilities") as HTMLElement);
    fireEvent.change(container.querySelector(".category-department") as HTMLElement, { target: { value: "市政设施管理处" } });
    fireEvent.click(container.querySelector(".category-save") as HTMLElement);
    await waitFor(() => expect(container.querySelector(".category-broken_bench")).not.toBeNull());
    expect(sent.find((r) => r.method === "POST")?.body).toMatchObject({ code: "broken_bench", group: "public_facilities", slaHours: 72 });

    fireEvent.click(container.querySelector(".category-posters") as HTMLElement);
    fireEvent.click(container.querySelector(".category-deactivate") as HTMLElement);
    await waitFor(() => expect(container.querySelector(".category-posters.is-inactive")).not.toBeNull());
    expect(modal).toHaveBeenCalled();
    expect(sent.filter((r) => r.method === "PATCH").at(-1)?.body).toEqual({ active: false });
  });
});
