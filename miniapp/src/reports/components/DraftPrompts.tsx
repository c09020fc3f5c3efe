import { Button, Text, View } from "@tarojs/components";
import { formatCityTime } from "../../ui/formatTime";
import type { SavedDraft } from "../draft";

/* The wizard's two questions about unsent input: take last time's draft back, and leave now? */

export function ResumePrompt({ saved, onResume, onRestart }: { saved: SavedDraft; onResume: () => void; onRestart: () => void }) {
  return (
    <View className="card draft-resume">
      <Text className="section-title">继续上次未提交的上报？</Text>
      <Text className="hint-text">保存于 {formatCityTime(saved.savedAt)}，已填写的照片、位置和描述都还在。</Text>
      <View className="draft-resume__actions">
        <Button className="btn btn-primary btn-large draft-resume__continue" onClick={onResume}>
          继续
        </Button>
        <Button className="btn btn-large draft-resume__restart" onClick={onRestart}>
          重新开始
        </Button>
      </View>
    </View>
  );
}

export function LeavePrompt({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  return (
    <View className="leave-prompt" role="dialog" aria-modal="true">
      <View className="card leave-prompt__box">
        <Text className="section-title">上报还没有提交，确定要离开吗？</Text>
        <Text className="hint-text">已填写的内容会保存为草稿，下次打开“随手拍”可以继续。</Text>
        <Button className="btn btn-primary btn-large leave-prompt__stay" onClick={onStay}>
          继续填写
        </Button>
        <Button className="btn btn-large leave-prompt__leave" onClick={onLeave}>
          离开
        </Button>
      </View>
    </View>
  );
}
