import { currentPosition, privacyConsent } from "../../services/position";

/*
 * The start of the day's route: the phone's position when the collector grants it; without it (refused,
 * or no fix) the route starts at the first job of the morning, as the API does without a start point.
 */
export async function routeStart(): Promise<{ lat: number; lng: number } | null> {
  try {
    if (!(await privacyConsent("用于从您当前的位置开始排列今天的收运路线（就近顺序）。"))) return null;
    return await currentPosition();
  } catch {
    return null;
  }
}
