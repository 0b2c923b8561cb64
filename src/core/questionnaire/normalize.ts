import { PHASES, REFERENCE_KINDS, type Aggregate, type Otherwise, type QuestionKind, type Reference, type ReferenceKind } from "./model.js";
import type {
  Agency,
  Answer,
  AnswerValue,
  Area,
  Condition,
  Domain,
  EvidenceRule,
  LocalText,
  Option,
  Phase,
  Question,
  QuestionType,
  Questionnaire,
  MigrationStep,
  OldAnswer,
  Response,
  Scale,
  UnmappedAnswer,
  UnmappedReason,
} from "./model.js";

/* The raw shapes as the JSON Schema admits them. Normalizing assumes the schema check passed. */
interface RawQuestion {
  id: string;
  text: LocalText;
  help?: LocalText;
  type: QuestionType;
  scale?: string;
  options?: Option[];
  min?: number;
  max?: number;
  unit?: LocalText;
  scored?: boolean;
  levels?: Record<string, LocalText>;
  references?: RawReference[];
  kind?: QuestionKind;
  aggregate?: Aggregate;
  yesLevel?: number;
  otherwise?: Otherwise;
  target?: number;
  domains: Domain[];
  phase: Phase;
  weight?: number;
  for?: string[];
  lead?: string;
  when?: Condition;
  required?: boolean;
  evidence?: EvidenceRule;
  was?: string | string[];
  recode?: Record<string, string>;
}

interface RawQuestionnaire {
  id: string;
  version: string;
  released?: string;
  title: LocalText;
  languages: string[];
  target?: number;
  scales?: Record<string, { levels: { value: number; label: LocalText; description: LocalText }[] }>;
  agencies: { id: string; name: LocalText }[];
  areas: { id: string; title: LocalText; profile?: boolean; questions: RawQuestion[] }[];
  criticality?: { question: string; domains: Domain[]; phases?: Phase[] }[];
}

/** A reference as written: exactly one kind key, and `article` beside `instrument`. */
type RawReference = Partial<Record<ReferenceKind, string>> & { article?: string };

function reference(r: RawReference): Reference {
  const kind = REFERENCE_KINDS.find((k) => r[k] !== undefined) ?? "instrument";
  return { kind, id: String(r[kind]), ...(r.article !== undefined ? { article: String(r.article) } : {}) };
}

/** Turns schema-valid questionnaire data into the model, filling defaults and recording source paths. */
export function normalizeQuestionnaire(data: unknown): Questionnaire {
  const raw = data as RawQuestionnaire;
  const agencyIds = raw.agencies.map((a) => a.id);
  const scales: Record<string, Scale> = {};
  for (const [id, s] of Object.entries(raw.scales ?? {})) {
    scales[id] = { id, levels: s.levels.map((l) => ({ value: l.value, label: l.label, description: l.description })), path: ["scales", id] };
  }
  const agencies: Agency[] = raw.agencies.map((a, i) => ({ id: a.id, name: a.name, path: ["agencies", i] }));
  const areas: Area[] = [];
  const questions: Question[] = [];
  raw.areas.forEach((area, ai) => {
    const ids: string[] = [];
    area.questions.forEach((rq, qi) => {
      ids.push(rq.id);
      questions.push(normalizeQuestion(rq, area.id, ["areas", ai, "questions", qi], agencyIds));
    });
    areas.push({ id: area.id, title: area.title, profile: area.profile === true, questionIds: ids, path: ["areas", ai] });
  });
  return {
    id: raw.id,
    version: raw.version,
    ...(raw.released !== undefined ? { released: String(raw.released) } : {}),
    title: raw.title,
    languages: raw.languages,
    target: raw.target ?? 5,
    scales,
    agencies,
    areas,
    criticality: (raw.criticality ?? []).map((c, i) => ({ question: c.question, domains: c.domains, phases: c.phases ?? PHASES, path: ["criticality", i] })),
    questions,
  };
}

/** Whether answers to a question of this shape count in the scores (see `Question.scored`). */
function scoredByDefault(rq: RawQuestion): boolean {
  if (rq.type === "level") return true;
  if (rq.type === "choice" && rq.options?.some((o) => o.level !== undefined)) return rq.scored ?? true;
  return rq.type === "yes-no" && rq.scored === true;
}

function normalizeQuestion(rq: RawQuestion, areaId: string, path: (string | number)[], agencyIds: string[]): Question {
  const q: Question = {
    id: rq.id,
    areaId,
    text: rq.text,
    type: rq.type,
    domains: rq.domains,
    phase: rq.phase,
    weight: rq.weight ?? 1,
    for: rq.for ?? agencyIds,
    required: rq.required ?? true,
    evidence: rq.evidence ?? "none",
    scored: scoredByDefault(rq),
    references: (rq.references ?? []).map(reference),
    kind: rq.kind ?? (rq.type === "level" ? "capability" : "fact"),
    aggregate: rq.aggregate ?? "lead",
    yesLevel: rq.yesLevel ?? 3,
    otherwise: rq.otherwise ?? "not-applicable",
    was: rq.was === undefined ? [] : Array.isArray(rq.was) ? rq.was : [rq.was],
    path,
    ...(rq.help ? { help: rq.help } : {}),
    ...(rq.type === "level" ? { scale: rq.scale ?? "capability" } : rq.scale !== undefined ? { scale: rq.scale } : {}),
    ...(rq.options ? { options: rq.options.map((o) => ({ value: o.value, label: o.label, ...(o.level !== undefined ? { level: o.level } : {}) })) } : {}),
    ...(rq.levels ? { levels: Object.fromEntries(Object.entries(rq.levels).map(([k, v]) => [Number(k), v])) } : {}),
    ...(rq.target !== undefined ? { target: rq.target } : {}),
    ...(rq.min !== undefined ? { min: rq.min } : {}),
    ...(rq.max !== undefined ? { max: rq.max } : {}),
    ...(rq.unit ? { unit: rq.unit } : {}),
    ...(rq.lead !== undefined ? { lead: rq.lead } : {}),
    ...(rq.when !== undefined ? { when: rq.when } : {}),
    ...(rq.recode !== undefined ? { recode: rq.recode } : {}),
  };
  return q;
}

interface RawResponse {
  questionnaire: { id: string; version: string; digest: string };
  country: string;
  agency: string;
  respondent?: string;
  language: string;
  status: "in-progress" | "complete";
  updated: string;
  answers: Record<string, { value: AnswerValue; comment?: string; evidence?: string; confirm?: string; mergedFrom?: RawOldAnswer[] }>;
  irrelevant?: string[];
  unmapped?: (RawOldAnswer & { version: string; reason: UnmappedReason; note: string; target?: string; resolved?: string })[];
  migrated?: { from: { id: string; version: string; digest: string }; at: string }[];
}

interface RawOldAnswer {
  question: string;
  value: AnswerValue;
  comment?: string;
  evidence?: string;
}

function oldAnswer(a: RawOldAnswer): OldAnswer {
  return {
    question: a.question,
    value: a.value,
    ...(a.comment !== undefined ? { comment: a.comment } : {}),
    ...(a.evidence !== undefined ? { evidence: a.evidence } : {}),
  };
}

/** Turns schema-valid response data into the model. */
export function normalizeResponse(data: unknown): Response {
  const raw = data as RawResponse;
  const answers: Record<string, Answer> = {};
  for (const [id, a] of Object.entries(raw.answers ?? {})) {
    answers[id] = {
      value: a.value,
      ...(a.comment !== undefined ? { comment: a.comment } : {}),
      ...(a.evidence !== undefined ? { evidence: a.evidence } : {}),
      ...(a.confirm !== undefined ? { confirm: a.confirm } : {}),
      ...(a.mergedFrom !== undefined ? { mergedFrom: a.mergedFrom.map(oldAnswer) } : {}),
    };
  }
  const unmapped: UnmappedAnswer[] | undefined = raw.unmapped?.map((u) => ({
    ...oldAnswer(u),
    version: String(u.version),
    reason: u.reason,
    note: u.note,
    ...(u.target !== undefined ? { target: u.target } : {}),
    ...(u.resolved !== undefined ? { resolved: String(u.resolved) } : {}),
  }));
  const migrated: MigrationStep[] | undefined = raw.migrated?.map((m) => ({
    from: { id: m.from.id, version: String(m.from.version), digest: m.from.digest },
    at: String(m.at),
  }));
  return {
    questionnaire: { id: raw.questionnaire.id, version: raw.questionnaire.version, digest: raw.questionnaire.digest },
    country: raw.country,
    agency: raw.agency,
    ...(raw.respondent !== undefined ? { respondent: raw.respondent } : {}),
    language: raw.language,
    status: raw.status,
    updated: String(raw.updated),
    answers,
    ...(raw.irrelevant ? { irrelevant: raw.irrelevant } : {}),
    ...(unmapped ? { unmapped } : {}),
    ...(migrated ? { migrated } : {}),
  };
}
