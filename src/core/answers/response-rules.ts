import { answerProblem, isSpecialValue } from "./values.js";
import { pendingConfirmation } from "./carried-answers.js";
import { relevance } from "../questionnaire/conditions.js";
import { closest, error, warning, type Issue } from "../issues.js";
import { claimedLevel, questionIndex, unsupportedClaim, type Question, type Questionnaire, type Response } from "../questionnaire/model.js";

/** Checks a response against the revision it answers; `digest` is that revision's digest. */
export function checkResponse(q: Questionnaire, digest: string, r: Response): Issue[] {
  const index = questionIndex(q);
  const relevant = relevance(q, r.agency, r.answers);
  return [
    ...checkHeader(q, digest, r),
    ...checkAnswers(q, index, r, relevant),
    ...checkUnmappedTargets(q, index, r),
    ...(r.status === "complete" ? checkComplete(q, r, relevant) : []),
  ];
}

/** Whether the response names this revision, one of its agencies and one of its languages. */
function checkHeader(q: Questionnaire, digest: string, r: Response): Issue[] {
  const out: Issue[] = [];
  if (r.questionnaire.digest !== digest) {
    out.push(
      error(
        "DIGEST_MISMATCH",
        `answers ${q.id} ${q.version} with digest ${r.questionnaire.digest.slice(0, 15)}…, but that revision's digest is ${digest.slice(0, 15)}…: the questionnaire file differs from the one these answers were given to. Use the exact revision, or check the answers again after \`naq diff\``,
        ["questionnaire", "digest"],
      ),
    );
  }
  const agencies = q.agencies.map((a) => a.id);
  if (!agencies.includes(r.agency)) {
    const guess = closest(r.agency, agencies);
    out.push(
      error(
        "UNKNOWN_AGENCY",
        `agency \`${r.agency}\` is not one of ${q.id} ${q.version}'s agencies.${guess ? ` Did you mean \`${guess}\`?` : ` Agencies: ${agencies.join(", ")}`}`,
        ["agency"],
      ),
    );
  }
  if (!q.languages.includes(r.language)) {
    out.push(error("LANGUAGE_NOT_DECLARED", `language \`${r.language}\` is not one of ${q.id} ${q.version}'s languages (${q.languages.join(", ")})`, ["language"]));
  }
  return out;
}

/** Each answer: to a question of the revision, a value its type allows, asked of the agency and applying, with evidence where required. */
function checkAnswers(q: Questionnaire, index: ReadonlyMap<string, Question>, r: Response, relevant: ReadonlyMap<string, boolean>): Issue[] {
  const out: Issue[] = [];
  const markedIrrelevant = new Set(r.irrelevant ?? []);
  for (const [id, answer] of Object.entries(r.answers)) {
    const question = index.get(id);
    if (!question) {
      const guess = closest(id, index.keys());
      out.push(
        error("UNKNOWN_QUESTION", `answers \`${id}\`, which is not a question of ${q.id} ${q.version}.${guess ? ` Did you mean \`${guess}\`?` : ""}`, ["answers", id], true),
      );
      continue;
    }
    const problem = answerProblem(q, question, answer.value);
    if (problem) out.push(error("INVALID_ANSWER", `${id}: ${problem}`, ["answers", id, "value"]));
    if (!question.for.includes(r.agency)) {
      out.push(warning("ANSWER_NOT_ASKED", `${id} is not asked of ${r.agency}; the answer is kept but counts only as information`, ["answers", id], true));
    } else if (!relevant.get(id) && !markedIrrelevant.has(id)) {
      out.push(
        warning("ANSWER_NOT_RELEVANT", `${id} does not apply given the other answers (its condition does not hold); the answer is kept but not scored`, ["answers", id], true),
      );
    }
    if (r.status === "complete" && question.evidence === "required" && !isSpecialValue(answer.value) && !answer.evidence?.trim()) {
      out.push(warning("MISSING_EVIDENCE", `${id} asks for evidence (a law, plan, report or URL) and none is given`, ["answers", id]));
    }
    if (r.status === "complete" && unsupportedClaim(question, answer)) {
      out.push(
        warning(
          "EVIDENCE_EXPECTED",
          `${id} claims level ${String(claimedLevel(question, answer.value))} (demonstrated or sustainable capacity) without evidence; name the exercise report, inspection record, law or budget line that shows it, or lower the level`,
          ["answers", id],
        ),
      );
    }
  }
  return out;
}

/** The unmapped answers' likely questions, which must be questions of the revision. */
function checkUnmappedTargets(q: Questionnaire, index: ReadonlyMap<string, Question>, r: Response): Issue[] {
  const out: Issue[] = [];
  (r.unmapped ?? []).forEach((u, i) => {
    if (u.target !== undefined && !index.has(u.target)) {
      out.push(
        error(
          "UNKNOWN_QUESTION",
          `the unmapped answer to ${u.question} (${u.version}) names ${u.target} as its likely question, which is not a question of ${q.id} ${q.version}; correct or remove \`target\``,
          ["unmapped", i, "target"],
        ),
      );
    }
  });
  return out;
}

/** What a response that says it is complete must have: no carried answer left to confirm, every required question that applies answered. */
function checkComplete(q: Questionnaire, r: Response, relevant: ReadonlyMap<string, boolean>): Issue[] {
  const out: Issue[] = [];
  const missing = q.questions.filter((x) => x.required && relevant.get(x.id) && r.answers[x.id] === undefined).map((x) => x.id);
  const unconfirmed = pendingConfirmation(q, r.agency, r.answers, relevant);
  if (unconfirmed.length) {
    out.push(
      error(
        "UNCONFIRMED_ANSWER",
        `status is complete, but ${unconfirmed.length} answer${unconfirmed.length > 1 ? "s" : ""} carried from an older revision ${unconfirmed.length > 1 ? "are" : "is"} still marked \`confirm\`: ${unconfirmed.slice(0, 10).join(", ")}${unconfirmed.length > 10 ? ", …" : ""}. Check each (naq fill asks them again) and remove its \`confirm\`, or set status: in-progress`,
        ["status"],
      ),
    );
  }
  if (missing.length) {
    out.push(
      error(
        "MISSING_ANSWER",
        `status is complete, but ${missing.length} required question${missing.length > 1 ? "s that apply are" : " that applies is"} unanswered: ${missing.slice(0, 10).join(", ")}${missing.length > 10 ? ", …" : ""}. Answer them (dont-know is an answer) or set status: in-progress`,
        ["status"],
      ),
    );
  }
  return out;
}
