// Writes the fictional country's example responses (examples/responses/*.yaml) from the story in
// scripts/examples-story.js, deterministically, so they can be regenerated when a questionnaire
// changes. Needs `npm run build` first (it uses the built dist/ modules).
//
//   node scripts/make-examples.js           write the files
//   node scripts/make-examples.js --check   exit 1 if the files on disk differ from what the story gives
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import { answerProblem, isSpecialValue } from "../dist/core/answers/values.js";
import { relevance } from "../dist/core/questionnaire/conditions.js";
import { normalizeResponse } from "../dist/core/questionnaire/normalize.js";
import { claimedLevel } from "../dist/core/questionnaire/model.js";
import { checkResponse } from "../dist/core/answers/response-rules.js";
import { compareSemver } from "../dist/core/revision/semver.js";
import { writeFileAtomic } from "../dist/io/files.js";
import { loadQuestionnaireFile } from "../dist/io/revisions/load.js";
import { AGENCIES, AREA_BASE, COUNTRY, DOCUMENTS, DOMAIN_SHIFT, FACTS, LEVELS, QUESTION_DOCS } from "./examples-story.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const outDir = join(root, "examples", "responses");

/** FNV-1a, so that every choice depends only on the names involved. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
const unit = (text) => hash(text) / 0x100000000;
const clampLevel = (n) => Math.min(5, Math.max(1, n));

/** The country's level on a question before any agency's view. */
function baseLevel(question) {
  const given = LEVELS[question.id];
  if (given !== undefined) return given;
  const shifts = DOMAIN_SHIFT[question.areaId] ?? DOMAIN_SHIFT.default;
  const shift = question.domains.reduce((s, d) => s + shifts[d], 0) / question.domains.length;
  // A little spread between questions of an area, so that an area is not one flat level.
  const spread = [-0.5, 0, 0, 0.5][hash(`spread:${question.id}`) % 4];
  return AREA_BASE[question.areaId] + shift + spread;
}

/**
 * The level an agency gives when the story does not say: every question hovers between two
 * adjacent levels, and an agency picks the higher one as often as it is optimistic. Agencies left to
 * this rule therefore never differ by two levels; every disagreement in the examples is written out.
 */
function computedLevel(question, spec) {
  const given = LEVELS[question.id];
  if (Array.isArray(given)) return unit(`${spec.agency}:${question.id}`) < spec.optimism ? given[1] : given[0];
  const base = clampLevel(Math.round(baseLevel(question)));
  const up = hash(`direction:${question.id}`) % 2 === 0;
  const [lo, hi] = up ? [base, clampLevel(base + 1)] : [clampLevel(base - 1), base];
  return unit(`${spec.agency}:${question.id}`) < spec.optimism ? hi : lo;
}

function fact(version, question) {
  const own = FACTS[version]?.[question.id];
  if (own !== undefined) return own;
  // An edition without a fact of its own borrows the other's when it is a valid answer here.
  for (const other of Object.values(FACTS)) {
    const v = other[question.id];
    if (v !== undefined) return v;
  }
  return undefined;
}

/** The national profile as the story tells it, as answers. */
function profile(version, q) {
  const out = {};
  for (const question of q.questions) if (question.areaId === "PRF" && fact(version, question) !== undefined) out[question.id] = { value: fact(version, question) };
  return out;
}

function citation(ref, language) {
  if (!ref.startsWith("@")) return ref;
  const doc = DOCUMENTS[ref.slice(1)];
  if (!doc) throw new Error(`unknown document ${ref}`);
  const text = doc[language];
  if (!text) throw new Error(`document ${ref} has no ${language} title`);
  return text;
}

/**
 * A level the story computes is claimed at 4 or 5 only where the agency has a document to show for
 * it, as a respondent would: naq warns about demonstrated capacity claimed without evidence.
 */
function supported(question, value) {
  const claim = claimedLevel(question, value) ?? 0;
  if (claim < 4 || question.evidence !== "optional" || QUESTION_DOCS[question.id]) return value;
  return question.type === "level" ? 3 : value;
}

/** Builds one agency's answers, in questionnaire order, asking only what applies. */
function answersFor(spec, q) {
  const answers = {};
  const told = new Set();
  const complete = (spec.status ?? "complete") === "complete";
  let stopped = false;
  const national = profile(spec.version, q);
  for (const question of q.questions) {
    if (!question.for.includes(spec.agency)) continue;
    if (!relevance(q, spec.agency, answers).get(question.id)) continue;
    const given = spec.answers[question.id];
    if (given) told.add(question.id);
    const said = given ?? {};
    let value = said.value;
    // An agency not asked the national profile still knows it: what the profile rules out, it answers as not applicable.
    if (value === undefined && !relevance(q, spec.agency, answers, national).get(question.id)) value = "not-applicable";
    if (value === undefined) value = question.type === "level" ? supported(question, computedLevel(question, spec)) : fact(spec.version, question);
    if (value === undefined) {
      if (!question.required) continue;
      throw new Error(`${spec.agency} ${spec.version}: no answer for ${question.id} (${question.type}); add a fact or an answer to the story`);
    }
    const problem = answerProblem(q, question, value);
    if (problem) throw new Error(`${spec.agency} ${spec.version}: ${question.id}: ${problem}`);
    const answer = { value };
    if (said.comment) answer.comment = said.comment;
    const evidence = evidenceFor(question, spec, said, value);
    if (evidence) answer.evidence = evidence;
    answers[question.id] = answer;
    if (spec.stopAfter === question.id) {
      stopped = true;
      break;
    }
  }
  if (complete && spec.stopAfter) throw new Error(`${spec.agency}: stopAfter makes sense only for an in-progress file`);
  // What the story says an agency answered must reach its file: a question renamed, removed or not asked is an error.
  const lost = Object.keys(spec.answers).filter((id) => !told.has(id));
  if (lost.length && !stopped) throw new Error(`${spec.agency} ${spec.version}: the story answers ${lost.join(", ")}, which this revision does not ask of it`);
  return answers;
}

function evidenceFor(question, spec, told, value) {
  if (told.evidence) return citation(told.evidence, spec.language);
  if (isSpecialValue(value) || question.evidence === "none") return undefined;
  const doc = QUESTION_DOCS[question.id];
  if (question.evidence === "required") {
    if (!doc) throw new Error(`${question.id} asks for evidence and QUESTION_DOCS has none`);
    return citation(`@${doc}`, spec.language);
  }
  // Optional evidence: a claim of level 4 or 5 and the lead agency cite the document, others now and then.
  const claimed = (claimedLevel(question, value) ?? 0) >= 4;
  if (doc && (claimed || question.lead === spec.agency || unit(`evidence:${spec.agency}:${question.id}`) < 0.4)) return citation(`@${doc}`, spec.language);
  return undefined;
}

function fileName(spec, latest) {
  return spec.version === latest ? `${COUNTRY.code}-${spec.agency}.yaml` : `${COUNTRY.code}-${spec.agency}-${spec.version}.yaml`;
}

const FICTION = {
  en: `Fictional example: the ${COUNTRY.name.en} (${COUNTRY.code}) does not exist.`,
  fr: `Exemple fictif : la ${COUNTRY.name.fr} (${COUNTRY.code}) n'existe pas.`,
  ru: `Вымышленный пример: ${COUNTRY.name.ru} (${COUNTRY.code}) не существует.`,
};

function render(spec, loaded, answers) {
  const q = loaded.questionnaire;
  const agencyName = q.agencies.find((a) => a.id === spec.agency)?.name.en ?? spec.agency;
  const data = {
    kind: "response",
    questionnaire: { id: q.id, version: q.version, digest: loaded.digest },
    country: COUNTRY.code,
    agency: spec.agency,
    respondent: spec.respondent,
    language: spec.language,
    status: spec.status ?? "complete",
    updated: spec.updated,
    answers,
  };
  const header = [
    "# yaml-language-server: $schema=../../schemas/response.schema.json",
    `# ${FICTION.en} Every person, law, plan and report named here is invented.`,
    ...(spec.language !== "en" ? [`# ${FICTION[spec.language]}`] : []),
    `# ${agencyName}, answering ${q.id} ${q.version}${spec.status === "in-progress" ? " (not finished)" : ""}.`,
    "# Generated by scripts/make-examples.js from scripts/examples-story.js; edit the story, not this file.",
  ];
  return `${header.join("\n")}\n${YAML.stringify(data, { lineWidth: 0 })}`;
}

function main(argv) {
  const check = argv.includes("--check");
  const revisions = new Map();
  const open = (version) => {
    if (!revisions.has(version)) {
      const file = join(root, "questionnaires", "cbrn-naq", `${version}.yaml`);
      const loaded = loadQuestionnaireFile(file);
      if (!loaded.value) throw new Error(`${file}: ${loaded.issues.map((i) => i.message).join("; ")}`);
      revisions.set(version, loaded.value);
    }
    return revisions.get(version);
  };
  const latest = AGENCIES.map((s) => s.version)
    .sort(compareSemver)
    .at(-1);
  const files = new Map();
  for (const spec of AGENCIES) {
    const loaded = open(spec.version);
    const answers = answersFor(spec, loaded.questionnaire);
    const text = render(spec, loaded, answers);
    const issues = checkResponse(loaded.questionnaire, loaded.digest, normalizeResponse(YAML.parse(text)));
    if (issues.length) throw new Error(`${spec.agency}: ${issues.map((i) => `${i.code} ${i.message}`).join("; ")}`);
    files.set(fileName(spec, latest), text);
  }

  if (check) {
    const stale = [];
    for (const [name, text] of files) {
      const path = join(outDir, name);
      if (!existsSync(path) || readFileSync(path, "utf8") !== text) stale.push(name);
    }
    const extra = existsSync(outDir) ? readdirSync(outDir).filter((n) => n.endsWith(".yaml") && !files.has(n)) : [];
    if (stale.length || extra.length) {
      console.error(`examples are out of date (${[...stale, ...extra].join(", ")}); run: node scripts/make-examples.js`);
      return 1;
    }
    console.log(`${files.size} example responses are up to date`);
    return 0;
  }
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of files) writeFileAtomic(join(outDir, name), text);
  console.log(`wrote ${files.size} example responses to ${outDir}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
