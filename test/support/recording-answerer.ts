// A thin decorator over a real answerer that records what each question was asked with, so tests
// can check that a conversation's earlier turns reached the core. It answers nothing itself.
import type { Answer, AnswerOptions, Answerer, ConversationTurn } from "../../src/index.js";

export interface RecordedQuestion {
  readonly question: string;
  readonly context: readonly ConversationTurn[];
  readonly answer: Answer;
}

export interface RecordingAnswerer extends Answerer {
  readonly questions: RecordedQuestion[];
}

export function recordingAnswerer(real: Answerer): RecordingAnswerer {
  const questions: RecordedQuestion[] = [];
  return {
    ...real,
    questions,
    answer(question: string, options?: AnswerOptions): Answer {
      const answer = real.answer(question, options);
      questions.push({ question, context: [...(options?.context ?? [])], answer });
      return answer;
    },
  };
}

/** What the next question in the same conversation should be handed: the turns the core gave so far, as given. */
export function turnsOf(answers: readonly Answer[]): ConversationTurn[] {
  return answers.flatMap((answer) => (answer.turn === undefined ? [] : [answer.turn]));
}
