import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach, beforeEach, vi } from "vitest";
import { setSearchPlace } from "../../miniapp/src/finders/location";
import { setLoginPageOpen } from "../../miniapp/src/services/loginRedirect";
import { resetTaroShim } from "./shims/taro";

beforeEach(() => {
  resetTaroShim();
  setSearchPlace(null);
  setLoginPageOpen(false);
});

afterEach(() => {
  cleanup();
  vi.unstubAllEnvs();
});
