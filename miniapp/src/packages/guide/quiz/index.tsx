import { type QuizResult, WASTE_CLASS_INFO, type WasteClass } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import { useState } from "react";
import { Chip } from "../../../components/Chip";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { submitQuiz, todaysQuiz } from "../api";
import { ClassChip } from "../components/ClassChip";
import "../guide.css";

/* 每日答题: today's five questions, then the score with the right answers explained and the points earned. */

function ResultView({ result }: { result: QuizResult }) {
  return (
    <View className="guide-result">
      <Text className="guide-score">
        答对 {result.score} / {result.total} 题
      </Text>
      <Text className="guide-points">{result.points > 0 ? `获得 ${result.points} 积分` : "今日积分已领取或未获得积分"}</Text>
      {result.lines.map((l) => (
        <View key={l.itemId} className={`card guide-result-line ${l.isCorrect ? "is-correct" : "is-wrong"}`} data-id={l.itemId}>
          <Text className="guide-result-line__verdict">
            {l.itemName}：{l.isCorrect ? "回答正确" : `正确答案是${WASTE_CLASS_INFO[l.correct].label}`}
          </Text>
          <ClassChip cls={l.correct} />
          <Text className="guide-rule guide-explanation">{l.explanation}</Text>
        </View>
      ))}
      <Text className="hint-text">明天再来答新的题目</Text>
    </View>
  );
}

export default function GuideQuizPage() {
  const session = useSession();
  const quiz = useApiLoad(session ? `guide-quiz:${session.user.id}` : null, todaysQuiz);
  const [answers, setAnswers] = useState<Record<string, WasteClass>>({});
  const [result, setResult] = useState<QuizResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const data = quiz.state.status === "ok" ? quiz.state.data : null;
  const shown = result ?? data?.result ?? null;
  const complete = data?.questions.every((q) => answers[q.itemId] !== undefined) ?? false;

  const submit = async () => {
    if (!data) return;
    setBusy(true);
    const res = await submitQuiz({
      date: data.date,
      answers: data.questions.map((q) => ({ itemId: q.itemId, answer: answers[q.itemId] as WasteClass })),
    });
    setBusy(false);
    if (res.ok) {
      setResult(res.data);
      setFailure(null);
    } else if (res.status === 409) {
      setFailure("题目已更新为今天的新题，请重新作答");
      setAnswers({});
      quiz.reload();
    } else setFailure(res.message);
  };

  return (
    <PageContainer
      className="guide-quiz-page"
      title="每日答题"
      subtitle="每天五题，答对得积分"
      needsLogin={!session}
      loginHint="登录后参加每日答题"
      loading={quiz.state.status === "loading"}
      error={quiz.state.status === "error" ? quiz.state.error : null}
      onRetry={quiz.reload}
    >
      {shown ? <ResultView result={shown} /> : null}
      {data && !shown ? (
        <View className="guide-questions">
          {data.questions.map((q, n) => (
            <View key={q.itemId} className="card guide-question" data-id={q.itemId}>
              <Text className="guide-question__prompt">
                {n + 1}. {q.prompt}
              </Text>
              <View className="chip-row">
                {q.choices.map((c) => (
                  <Chip
                    key={c}
                    label={WASTE_CLASS_INFO[c].label}
                    active={answers[q.itemId] === c}
                    className={`guide-choice guide-choice-${c}`}
                    onTap={() => setAnswers((a) => ({ ...a, [q.itemId]: c }))}
                  />
                ))}
              </View>
            </View>
          ))}
          {failure ? <Text className="form-error guide-quiz-error">{failure}</Text> : null}
          <Button
            className="btn btn-primary btn-large guide-quiz-submit"
            disabled={!complete || busy || undefined}
            onClick={() => void submit()}
          >
            {complete ? "提交答案" : "请先答完五道题"}
          </Button>
        </View>
      ) : null}
    </PageContainer>
  );
}
