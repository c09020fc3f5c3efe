import { Button, Text, View } from "@tarojs/components";
import type { ApiFailure } from "../../services/request";
import { formatDistance } from "../format";

/*
 * The line above a finder's results. A full page of results is the request's cap, not a count, so it
 * says 最近的 N 个. When the newest search failed (e.g. a filter tapped while offline) the last results
 * stay below, and this says so above them, with a retry.
 */
export function ResultHeader(props: {
  count: number;
  limit: number;
  radius: number;
  staleError?: ApiFailure | null;
  onRetry?: () => void;
}) {
  const within = `${formatDistance(props.radius)}内`;
  const text = props.count >= props.limit ? `${within}最近的 ${props.count} 个` : `${within}找到 ${props.count} 个`;
  return (
    <>
      {props.staleError ? (
        <View className="stale-error">
          <Text className="stale-error__text error-message">{props.staleError.message}，以下是上次的结果</Text>
          {props.onRetry ? (
            <Button className="btn retry-button" onClick={props.onRetry}>
              重试
            </Button>
          ) : null}
        </View>
      ) : null}
      <Text className="result-count">{text}</Text>
    </>
  );
}
