import { type CollectorJob, PICKUP_STATUS_LABELS } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import { dateLabel, itemsText, streetName, windowLabel } from "../format";

/*
 * One job in the list. An open job shows only the street, window, items and volume: who and where come
 * (from the API) only once the caller holds it, and only then does the card show the address.
 */
export function JobCard(props: {
  job: CollectorJob;
  busy: boolean;
  onAccept: (job: CollectorJob) => void;
  onOpen: (job: CollectorJob) => void;
}) {
  const { job } = props;
  const recyclable = job.items.some((i) => i.recyclable);
  return (
    <View className={`card job-card ${job.mine ? "job-card--mine" : "job-card--open"}`} data-id={job.id}>
      <View className="job-card__head">
        <Text className="job-card__street">{streetName(job.streetCode)}</Text>
        {job.mine ? <Text className="job-badge job-badge--mine">我的任务</Text> : <Text className="job-badge">待接单</Text>}
      </View>
      <Text className="job-card__when">
        {dateLabel(job.date)} · {windowLabel(job.window)}
      </Text>
      <Text className="job-card__items">{itemsText(job)}</Text>
      <View className="job-card__facts">
        <Text className="job-card__volume">体积 {job.volumePoints} 点</Text>
        {recyclable ? <Text className="job-badge job-badge--recyclable">含可回收物</Text> : null}
        {job.mine ? <Text className={`job-status job-status--${job.status}`}>{PICKUP_STATUS_LABELS[job.status]}</Text> : null}
      </View>
      {job.mine && job.contact ? <Text className="job-card__address">{job.contact.address}</Text> : null}
      {job.mine ? (
        <Button className="btn job-open" onClick={() => props.onOpen(job)}>
          查看任务
        </Button>
      ) : (
        <Button className="btn btn-primary job-accept" disabled={props.busy || undefined} onClick={() => props.onAccept(job)}>
          {props.busy ? "接单中…" : "接单"}
        </Button>
      )}
    </View>
  );
}
