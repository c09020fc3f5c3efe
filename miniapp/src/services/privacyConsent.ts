import { PRIVACY_POLICY_VERSION } from "@civic/shared";
import { recordConsent } from "../account/api";
import { getSession, subscribeSession } from "./session";
import { storedValue } from "./storage";

/*
 * The server keeps which privacy-policy version each user accepted and when (PIPL). The user may accept
 * before signing in (WeChat's privacy flow comes at the first use of location), so the acceptance is kept
 * here first and sent once a session exists; `syncedFor` remembers which user the server has it for.
 */
interface LocalConsent {
  policyVersion: string;
  acceptedAt: string;
  syncedFor: string | null;
}

const CONSENT_KEY = "civic.privacyConsent";

const consentStore = storedValue<LocalConsent | null>(CONSENT_KEY, (raw) => {
  const v = raw as Partial<LocalConsent> | undefined;
  return v && typeof v.policyVersion === "string" && typeof v.acceptedAt === "string"
    ? { policyVersion: v.policyVersion, acceptedAt: v.acceptedAt, syncedFor: v.syncedFor ?? null }
    : null;
});

export const localConsent = (): LocalConsent | null => consentStore.get();

let sending: Promise<void> | null = null;

/** Sends a stored acceptance of the current policy for the signed-in user, once; never throws. */
export function syncPrivacyConsent(): Promise<void> {
  const session = getSession();
  const local = consentStore.get();
  if (!session || !local || local.policyVersion !== PRIVACY_POLICY_VERSION || local.syncedFor === session.user.id) return Promise.resolve();
  sending ??= recordConsent(local.policyVersion)
    .then((res) => {
      if (res.ok) consentStore.set({ ...local, syncedFor: session.user.id });
    })
    .finally(() => {
      sending = null;
    });
  return sending;
}

/** The user accepted the current policy (WeChat's privacy flow or the privacy page): keep it, and tell the server. */
export function rememberPrivacyConsent(now = new Date()): Promise<void> {
  const local = consentStore.get();
  if (!local || local.policyVersion !== PRIVACY_POLICY_VERSION) {
    consentStore.set({ policyVersion: PRIVACY_POLICY_VERSION, acceptedAt: now.toISOString(), syncedFor: null });
  }
  return syncPrivacyConsent();
}

let watching = false;

/** Called once by the app: every sign-in sends an acceptance made before it. */
export function watchSignInForConsent(): void {
  if (watching) return;
  watching = true;
  subscribeSession(() => void syncPrivacyConsent());
  void syncPrivacyConsent();
}

/** After the account is deleted, nothing of it stays on the phone either. */
export const forgetPrivacyConsent = (): void => consentStore.clear();
