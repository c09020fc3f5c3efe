import { cityClock, GUIDE_ITEMS, markQuiz, type QuizResult, QuizResultLine, quizItems, quizQuestions } from "@civic/shared";
import { currentUser } from "../auth/auth.middleware";
import type { AppDeps } from "../deps";
import { conflict, validationFailed } from "../platform/errors";
import { newId } from "../platform/ids";
import type { AppRouteHandler } from "../platform/router";
import { guideRepo, type QuizRow } from "./guide.repo";
import type { getQuiz, submitQuiz } from "./guide.routes";
import { quizAwardStatements, quizPointsAwarded } from "./quiz-points";

const todayOf = (deps: AppDeps) => cityClock(deps.clock(), deps.config.cityZone).date;

async function resultOf(deps: AppDeps, row: QuizRow): Promise<QuizResult> {
  const lines = QuizResultLine.array().parse(JSON.parse(row.lines));
  return {
    date: row.date,
    score: row.score,
    total: lines.length,
    points: await quizPointsAwarded(deps, row.userId, row.date),
    lines,
  };
}

export const getQuizHandler: AppRouteHandler<typeof getQuiz> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const date = todayOf(deps);
  const row = await guideRepo(deps.db).quizResult(user.id, date);
  return c.json(
    { date, questions: quizQuestions(quizItems(GUIDE_ITEMS, user.id, date)), result: row ? await resultOf(deps, row) : null },
    200,
  );
};

export const submitQuizHandler: AppRouteHandler<typeof submitQuiz> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const body = c.req.valid("json");
  const date = todayOf(deps);
  if (body.date !== date)
    throw conflict("this quiz belongs to another day; today's quiz has new questions", { reason: "quiz_changed", date });
  const repo = guideRepo(deps.db);
  const items = quizItems(GUIDE_ITEMS, user.id, date);
  const ids = body.answers.map((a) => a.itemId);
  const unknown = ids.filter((id) => !items.some((i) => i.id === id));
  if (unknown.length > 0 || new Set(ids).size !== ids.length) {
    throw validationFailed("answers must name today's questions, each once", [{ path: "answers", message: "not today's questions" }]);
  }
  const earlier = await repo.quizResult(user.id, date);
  if (earlier) return c.json(await resultOf(deps, earlier), 200);
  const lines = markQuiz(items, body.answers);
  const score = lines.filter((l) => l.isCorrect).length;
  const id = newId();
  const at = deps.clock().toISOString();
  await deps.atomic([
    repo.insertQuizStatement({ id, userId: user.id, date, score, lines, createdAt: at }),
    ...(await quizAwardStatements(deps, { id: newId(), userId: user.id, date, correct: score, at, guard: repo.quizWrittenGuard(id) })),
  ]);
  // Parallel submissions: whichever wrote the day's row, every caller answers with that one.
  const saved = await repo.quizResult(user.id, date);
  if (!saved) throw conflict("the quiz could not be saved; try again", { reason: "retry" });
  return c.json(await resultOf(deps, saved), 200);
};
