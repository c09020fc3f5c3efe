import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import AdminAuditPage from "../../miniapp/src/packages/admin/audit/index";
import { FilePicker } from "../../miniapp/src/packages/admin/components/FilePicker.h5";
import AdminOpen311KeysPage from "../../miniapp/src/packages/admin/open311-keys/index";
import AdminToiletImportPage from "../../miniapp/src/packages/admin/toilet-import/index";
import { saveSession } from "../../miniapp/src/services/session";
import { auditEntry, keySummary, validation } from "./admin-fixtures";
import { apiError, ok, sessionFor, stubApi } from "./fixtures";
import Taro, { shimState } from "./shims/taro";

const badPreview = {
  ok: false,
  errors: [
    { row: 3, field: "name", message: "Too small: expected string to have >=1 characters" },
    { row: 4, field: "hours", message: "cannot read the opening hours" },
  ],
  rows: [],
  created: 0,
  updated: 0,
};
const goodPreview = {
  ok: true,
  errors: [],
  rows: [{ row: 2, name: "观前街公厕", district: "姑苏区", sourceRef: "gq-1", action: "create" }],
  created: 1,
  updated: 0,
};

describe("admin console: import, Open311 keys, audit log", () => {
  it("import: a check shows each row's errors and import stays off; a clean check allows exactly that import", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    let clean = false;
    const sent = stubApi((req) =>
      req.path.endsWith("/preview") ? ok(clean ? goodPreview : badPreview) : ok({ imported: 1, created: 1, updated: 0 }),
    );
    const { container } = render(<AdminToiletImportPage />);
    const run = () => container.querySelector(".import-run") as HTMLButtonElement;
    fireEvent.change(container.querySelector(".import-content") as HTMLElement, { target: { value: "name,address\n,bad" } });
    fireEvent.click(container.querySelector(".import-check") as HTMLElement);
    await waitFor(() => expect(container.querySelectorAll(".import-error")).toHaveLength(2));
    expect(container.querySelector(".import-error-row-3 .import-error__field")?.textContent).toBe("name");
    expect(screen.getByText("发现 2 处问题，未写入任何数据")).toBeInTheDocument();
    expect(run().disabled).toBe(true);
    expect(sent).toHaveLength(1);

    clean = true;
    fireEvent.click(container.querySelector(".coords-wgs84") as HTMLElement);
    fireEvent.change(container.querySelector(".import-content") as HTMLElement, { target: { value: "name,address\n观前街公厕,x" } });
    expect(container.querySelector(".import-preview")).toBeNull();
    fireEvent.click(container.querySelector(".import-check") as HTMLElement);
    await waitFor(() => expect(run().disabled).toBe(false));
    expect(container.querySelector(".import-row-create .import-row__name")?.textContent).toBe("观前街公厕");
    fireEvent.click(run());
    await waitFor(() => expect(container.querySelector(".import-result")?.textContent).toContain("新增 1"));
    const imported = sent.find((r) => r.path === "/api/v1/admin/toilets/import");
    expect(imported?.body).toEqual({ format: "csv", coordinates: "wgs84", content: "name,address\n观前街公厕,x" });
  });

  it("import: the server's own 422 row errors show when the import itself is refused", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    stubApi((req) =>
      req.path.endsWith("/preview")
        ? ok(goodPreview)
        : {
            statusCode: 422,
            data: {
              error: {
                code: "validation_failed",
                message: "1 problem(s)",
                details: [{ row: 2, field: "sourceRef", message: "duplicates row 1" }],
              },
            },
          },
    );
    const { container } = render(<AdminToiletImportPage />);
    fireEvent.change(container.querySelector(".import-content") as HTMLElement, { target: { value: "x" } });
    fireEvent.click(container.querySelector(".import-check") as HTMLElement);
    await waitFor(() => expect((container.querySelector(".import-run") as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(container.querySelector(".import-run") as HTMLElement);
    await waitFor(() =>
      expect(container.querySelector(".import-error-row-2 .import-error__message")?.textContent).toBe("duplicates row 1"),
    );
  });

  it("import (H5): the browser's file chooser reads the chosen file as text", async () => {
    const read: [string, string][] = [];
    const { container } = render(<FilePicker onText={(name, text) => read.push([name, text])} onError={() => {}} />);
    const input = container.querySelector("input[type=file]") as HTMLInputElement;
    const file = new File(["name,address\n观前街公厕,x"], "toilets.csv", { type: "text/csv" });
    fireEvent.change(input, { target: { files: [file] } });
    await waitFor(() => expect(read).toEqual([["toilets.csv", "name,address\n观前街公厕,x"]]));
  });

  it("keys: a new key is shown once with copy; the list shows only its prefix; revoking asks first", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    let issued = false;
    const sent = stubApi((req) => {
      if (req.method === "GET") return ok({ keys: issued ? [keySummary()] : [] });
      if (req.path.endsWith("/revoke")) return ok(keySummary({ revokedAt: "2026-11-30T02:00:00.000Z" }));
      issued = true;
      return ok({ apiKey: "Ab3dE9-the-whole-secret-key-0000000000000", id: "k-1", name: "12345 热线" }, 201);
    });
    const copy = vi.spyOn(Taro, "setClipboardData");
    const { container } = render(<AdminOpen311KeysPage />);
    expect(await screen.findByText("还没有签发过密钥")).toBeInTheDocument();
    fireEvent.change(container.querySelector(".key-name") as HTMLElement, { target: { value: "12345 热线" } });
    fireEvent.click(container.querySelector(".key-issue-button") as HTMLElement);
    await waitFor(() => expect(container.querySelector(".key-once__value")?.textContent).toBe("Ab3dE9-the-whole-secret-key-0000000000000"));
    fireEvent.click(container.querySelector(".key-copy") as HTMLElement);
    expect(copy).toHaveBeenCalledWith({ data: "Ab3dE9-the-whole-secret-key-0000000000000" });
    await waitFor(() => expect(container.querySelector(".key-row__prefix")?.textContent).toBe("Ab3dE9…"));
    fireEvent.click(container.querySelector(".key-dismiss") as HTMLElement);
    expect(container.textContent).not.toContain("the-whole-secret");
    fireEvent.click(container.querySelector(".key-revoke") as HTMLElement);
    await waitFor(() => expect(container.querySelector(".key-row.is-revoked")).not.toBeNull());
    expect(sent.find((r) => r.path.endsWith("/revoke"))?.path).toBe("/api/v1/admin/open311/keys/k-1/revoke");
  });

  it("keys: a 422 on the name shows under it, and a failed list offers a retry", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    stubApi((req) => (req.method === "GET" ? ok({ keys: [] }) : validation([{ path: "name", message: "Too big" }])));
    const { container, unmount } = render(<AdminOpen311KeysPage />);
    await screen.findByText("还没有签发过密钥");
    fireEvent.change(container.querySelector(".key-name") as HTMLElement, { target: { value: "x" } });
    fireEvent.click(container.querySelector(".key-issue-button") as HTMLElement);
    await waitFor(() => expect(container.querySelector(".field-error-name")?.textContent).toBe("Too big"));
    unmount();
    stubApi(() => "network-error");
    const failed = render(<AdminOpen311KeysPage />);
    await waitFor(() => expect(failed.container.querySelector(".state-error .retry-button")).not.toBeNull());
  });

  it("audit: filters by target, action, actor and dates, and pages on", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    const sent = stubApi((req) =>
      req.query.get("cursor")
        ? ok({ entries: [auditEntry({ id: "a-3", action: "toilet.import", targetType: "toilet", targetId: "*" })], nextCursor: null })
        : ok({ entries: [auditEntry(), auditEntry({ id: "a-2", action: "role.revoke" })], nextCursor: "next" }),
    );
    const { container } = render(<AdminAuditPage />);
    expect(container.querySelector(".state-loading")).not.toBeNull();
    await waitFor(() => expect(container.querySelectorAll(".audit-entry")).toHaveLength(2));
    fireEvent.click(container.querySelector(".load-more") as HTMLElement);
    await waitFor(() => expect(container.querySelectorAll(".audit-entry")).toHaveLength(3));
    expect(container.querySelector(".audit-entry__time")?.textContent).toBe("2026-11-20 10:30");

    fireEvent.click(container.querySelector(".target-user") as HTMLElement);
    fireEvent.click(container.querySelector(".action-role-grant") as HTMLElement);
    fireEvent.change(container.querySelector(".audit-actor") as HTMLElement, { target: { value: "admin-1" } });
    fireEvent.change(container.querySelector(".audit-from") as HTMLElement, { target: { value: "2026-11-01" } });
    fireEvent.change(container.querySelector(".audit-to") as HTMLElement, { target: { value: "2026-11-30" } });
    fireEvent.click(container.querySelector(".audit-apply") as HTMLElement);
    await waitFor(() => expect(sent.at(-1)?.query.get("action")).toBe("role.grant"));
    const q = sent.at(-1)?.query;
    expect([q?.get("targetType"), q?.get("actor"), q?.get("from"), q?.get("to"), q?.get("targetId")]).toEqual([
      "user",
      "admin-1",
      "2026-11-01",
      "2026-11-30",
      null,
    ]);
    await waitFor(() => expect(container.querySelectorAll(".audit-entry")).toHaveLength(2));
  });

  it("audit: opened from a user's trail, it starts filtered to that user", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    shimState.routerParams = { targetType: "user", targetId: "u-1" };
    const sent = stubApi(() => ok({ entries: [auditEntry()], nextCursor: null }));
    const { container } = render(<AdminAuditPage />);
    await waitFor(() => expect(container.querySelectorAll(".audit-entry")).toHaveLength(1));
    expect([sent[0]?.query.get("targetType"), sent[0]?.query.get("targetId")]).toEqual(["user", "u-1"]);
    expect(container.querySelector(".target-user")?.className).toContain("is-active");
  });

  it("audit: shows the empty state, and a bad date's 400 as an error", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    stubApi((req) =>
      req.query.get("from") ? apiError(400, "bad_request", "invalid query parameters") : ok({ entries: [], nextCursor: null }),
    );
    const { container } = render(<AdminAuditPage />);
    expect(await screen.findByText("没有符合条件的记录")).toBeInTheDocument();
    fireEvent.change(container.querySelector(".audit-from") as HTMLElement, { target: { value: "昨天" } });
    fireEvent.click(container.querySelector(".audit-apply") as HTMLElement);
    await waitFor(() => expect(container.querySelector(".state-error")).not.toBeNull());
  });
});
