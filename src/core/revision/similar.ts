import type { Question } from "../questionnaire/model.js";

// Words that say nothing about what a question is about.
const STOP = new Set(
  "the and for are with from that this which what when where how does there their than into onto over under been have has had its any all each per not but can may such other about against between within without including national country countries level extent whether chemical biological radiological nuclear cbrn".split(
    " ",
  ),
);

function words(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (w.length < 3 || STOP.has(w)) continue;
    out.add(w.length > 4 && w.endsWith("s") ? w.slice(0, -1) : w);
  }
  return out;
}

/** Dice similarity (0..1) of the content words of two texts. */
function textSimilarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return (2 * common) / (x.size + y.size);
}

/** How alike two texts must be for one question to be offered as the likely home of another's answer. */
const SIMILARITY_THRESHOLD = 0.23;

/**
 * The question among `candidates` whose text in `lang` is closest to `question`'s, when it is close
 * enough; a question in the same area wins a near tie. (Help texts are left out: they share too much
 * boilerplate to tell questions apart.)
 */
export function mostSimilar(question: Question, candidates: readonly Question[], lang: string): Question | undefined {
  const text = (q: Question) => q.text[lang] ?? "";
  const mine = text(question);
  let best: Question | undefined;
  let bestScore = SIMILARITY_THRESHOLD;
  for (const c of candidates) {
    const score = textSimilarity(mine, text(c)) + (c.areaId === question.areaId ? 0.02 : 0);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
