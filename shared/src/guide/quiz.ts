import { WASTE_CLASS_INFO, WASTE_CLASSES, type WasteClass } from "../city/waste-classes";
import { fingerprint } from "./dataset";
import { type GuideItem, QUIZ_LENGTH, type QuizQuestion, type QuizResultLine } from "./schemas";

/*
 * The daily quiz: five items drawn from the guide, the same five for one resident all day (a hash of user
 * and city date picks them, so nothing is stored until the answers come back), different for the next day.
 */

function draws(seed: string, n: number, size: number): number[] {
  const picked: number[] = [];
  for (let i = 0; picked.length < Math.min(n, size); i++) {
    const index = Number.parseInt(fingerprint(`${seed}:${i}`), 16) % size;
    if (!picked.includes(index)) picked.push(index);
  }
  return picked;
}

export function quizItems(items: readonly GuideItem[], userId: string, date: string): GuideItem[] {
  return draws(`quiz:${userId}:${date}`, QUIZ_LENGTH, items.length).map((i) => items[i]!);
}

export function quizQuestions(items: readonly GuideItem[]): QuizQuestion[] {
  return items.map((item) => ({ itemId: item.id, itemName: item.name, prompt: `${item.name} 属于哪一类？`, choices: [...WASTE_CLASSES] }));
}

/** Why an item belongs where it does: its own note, or the class's rule and how to put it out. */
export function explanationOf(item: GuideItem): string {
  const label = WASTE_CLASS_INFO[item.class].label;
  return item.note ? `${item.name}属于${label}：${item.note}` : `${item.name}属于${label}。${item.howTo}`;
}

export function markQuiz(items: readonly GuideItem[], answers: { itemId: string; answer: WasteClass }[]): QuizResultLine[] {
  return items.map((item) => {
    const answer = answers.find((a) => a.itemId === item.id)?.answer ?? null;
    return {
      itemId: item.id,
      itemName: item.name,
      answer,
      correct: item.class,
      isCorrect: answer === item.class,
      explanation: explanationOf(item),
    };
  });
}
