/** Workshop decisions (`kind: consensus`): values the National Team agreed on, each with its justification. */
import { answerProblem } from "../answers/values.js";
import { closest, error, type Issue } from "../issues.js";
import { questionIndex, type AnswerValue, type Questionnaire } from "../questionnaire/model.js";

export interface ConsensusDecision {
  readonly question: string;
  readonly value: AnswerValue;
  readonly justification: string;
}

export interface Consensus {
  readonly questionnaire: { readonly id: string; readonly version: string; readonly digest?: string };
  readonly country: string;
  readonly workshop?: string;
  readonly date?: string;
  readonly decisions: readonly ConsensusDecision[];
}

interface RawConsensus {
  questionnaire: { id: string; version: string; digest?: string };
  country: string;
  workshop?: string;
  date?: string;
  decisions: { question: string; value: AnswerValue; justification: string }[];
}

/** Turns schema-valid consensus data into the model. */
export function normalizeConsensus(data: unknown): Consensus {
  const raw = data as RawConsensus;
  return {
    questionnaire: { id: raw.questionnaire.id, version: raw.questionnaire.version, ...(raw.questionnaire.digest !== undefined ? { digest: raw.questionnaire.digest } : {}) },
    country: raw.country,
    ...(raw.workshop !== undefined ? { workshop: raw.workshop } : {}),
    ...(raw.date !== undefined ? { date: String(raw.date) } : {}),
    decisions: raw.decisions.map((d) => ({ question: d.question, value: d.value, justification: d.justification })),
  };
}

/** Checks workshop decisions against the revision they decide on; `digest` is that revision's digest. */
export function checkConsensus(q: Questionnaire, digest: string, c: Consensus): Issue[] {
  const out: Issue[] = [];
  if (c.questionnaire.digest !== undefined && c.questionnaire.digest !== digest) {
    out.push(
      error(
        "DIGEST_MISMATCH",
        `decides on ${q.id} ${q.version} with digest ${c.questionnaire.digest.slice(0, 15)}…, but that revision's digest is ${digest.slice(0, 15)}…; correct the digest (\`naq show\` prints it) or remove it`,
        ["questionnaire", "digest"],
      ),
    );
  }
  const index = questionIndex(q);
  const first = new Map<string, number>();
  c.decisions.forEach((d, i) => {
    const question = index.get(d.question);
    if (!question) {
      const guess = closest(d.question, index.keys());
      out.push(
        error("UNKNOWN_QUESTION", `decides on \`${d.question}\`, which is not a question of ${q.id} ${q.version}.${guess ? ` Did you mean \`${guess}\`?` : ""}`, [
          "decisions",
          i,
          "question",
        ]),
      );
      return;
    }
    const seen = first.get(d.question);
    if (seen !== undefined) {
      out.push(
        error("DUPLICATE_DECISION", `${d.question} is decided twice (decisions ${seen + 1} and ${i + 1}); keep the one the workshop agreed on`, ["decisions", i, "question"]),
      );
    } else {
      first.set(d.question, i);
    }
    const problem = answerProblem(q, question, d.value);
    if (problem) out.push(error("INVALID_ANSWER", `${d.question}: ${problem}`, ["decisions", i, "value"]));
  });
  return out;
}
