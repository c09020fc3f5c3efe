import type { Category } from "@civic/shared";
import { useEffect, useRef, useState } from "react";
import { photoSrc } from "./api";
import { fromSaved, hasInput, type ReportDraft, type SavedDraft, toSaved } from "./draft";
import { clearDraft, loadDraft, saveDraft } from "./draftStore";
import { guardLeaving } from "./leaveGuard";

/*
 * Keeping the wizard's input: a draft left last time is offered back (继续 / 重新开始) before anything
 * is saved over it; every change is saved; leaving with input asks first (H5: in-page, weapp: WeChat's
 * dialog); submitting removes the draft and lets the page go.
 */
export interface DraftKeeping {
  /** A draft from last time, waiting for the resident's answer. */
  offer: SavedDraft | null;
  resume: () => void;
  restart: () => void;
  /** Set while a navigation waits for the leave prompt's answer. */
  leaving: boolean;
  stay: () => void;
  leave: () => void;
  /** After submitting (or following an existing case): no draft, no prompt. */
  release: () => void;
}

interface Options {
  userId: string | null;
  categories: readonly Category[] | null;
  draft: ReportDraft;
  step: number;
  restore: (draft: ReportDraft, step: number) => void;
}

export function useDraftKeeping({ userId, categories, draft, step, restore }: Options): DraftKeeping {
  // undefined: not looked at yet; null: nothing to offer (or answered).
  const [offer, setOffer] = useState<SavedDraft | null | undefined>(undefined);
  const [released, setReleased] = useState(false);
  const [pending, setPending] = useState<(() => void) | null>(null);
  const unguard = useRef<(() => void) | null>(null);

  useEffect(() => {
    if (userId && offer === undefined) setOffer(loadDraft(userId));
  }, [userId, offer]);

  useEffect(() => {
    if (!userId || offer !== null || released) return;
    if (hasInput(draft)) saveDraft(userId, toSaved(draft, step, new Date()));
    else clearDraft();
  }, [userId, offer, released, draft, step]);

  const dirty = offer === null && !released && hasInput(draft);
  useEffect(() => {
    if (!dirty) return;
    unguard.current = guardLeaving((proceed) => setPending(() => proceed));
    return () => {
      unguard.current?.();
      unguard.current = null;
    };
  }, [dirty]);

  return {
    offer: offer ?? null,
    resume: () => {
      if (offer && categories) restore(fromSaved(offer, categories, photoSrc), offer.step);
      setOffer(null);
    },
    restart: () => {
      clearDraft();
      setOffer(null);
    },
    leaving: pending !== null,
    stay: () => setPending(null),
    leave: () => {
      const proceed = pending;
      setPending(null);
      proceed?.();
    },
    release: () => {
      unguard.current?.();
      unguard.current = null;
      clearDraft();
      setReleased(true);
    },
  };
}
