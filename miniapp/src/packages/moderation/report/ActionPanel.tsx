import type { ReportDetail } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import { useState } from "react";
import { ActionForm } from "./ActionForm";
import { allowedActions } from "./caseActions";
import type { RunAction } from "./useCaseAction";

/** The actions the case's status allows, each opening its confirm panel below the buttons. */
export function ActionPanel(props: {
  report: ReportDetail;
  departments: readonly string[];
  defaultDepartment: string;
  busy: string | null;
  run: RunAction;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const allowed = allowedActions(props.report.status);
  const current = allowed.find((a) => a.name === open) ?? null;

  return (
    <View className="card action-panel">
      <Text className="section-title">处置</Text>
      <View className="action-buttons">
        {allowed.map((a) => (
          <Button
            key={a.name}
            className={`btn action-button action-${a.name}${open === a.name ? " is-active" : ""}`}
            disabled={props.busy !== null || undefined}
            onClick={() => setOpen(open === a.name ? null : a.name)}
          >
            {a.label}
          </Button>
        ))}
      </View>
      {current ? (
        <ActionForm
          key={current.name}
          action={current}
          report={props.report}
          departments={props.departments}
          defaultDepartment={props.defaultDepartment}
          busy={props.busy === current.name}
          run={props.run}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </View>
  );
}
