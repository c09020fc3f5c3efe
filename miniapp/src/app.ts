import type { PropsWithChildren } from "react";
import { watchSignInForConsent } from "./services/privacyConsent";
import "./styles/base.css";
import "./styles/finders.css";
import "./styles/map.css";
import "./styles/pages.css";
import "./styles/reports.css";
import "./styles/residents.css";

/* The app shell: Taro renders each page as `children`. Session and settings live in storage. */
watchSignInForConsent();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
