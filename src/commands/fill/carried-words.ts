import type { UnmappedReason } from "../../core/questionnaire/model.js";

/** Counts of a migration, as the offer and its summary give them. */
export interface CarriedCounts {
  /** Old answers carried to at least one new question. */
  readonly carried: number;
  /** New questions whose carried answer waits for confirmation. */
  readonly toConfirm: number;
  /** Old answers set aside in `unmapped`. */
  readonly unmapped: number;
}

/** The words of a fill session about answers carried from an older revision, in one language. */
export interface CarriedWords {
  found(file: string, answers: number, from: string, to: string): string;
  plan(c: CarriedCounts): string;
  offer(to: string, backup: string): string;
  migrated(to: string, c: CarriedCounts, backup: string): string;
  oldAnswer(version: string, question: string): string;
  readonly comment: string;
  readonly evidence: string;
  reason(r: UnmappedReason): string;
  readonly takeIntoAccount: string;
  readonly alreadyConsidered: string;
  carriedFrom(ids: string, version: string): string;
  readonly toConfirm: string;
  readonly oldAnswerMark: string;
  waiting(count: number, ids: string): string;
  unmappedCount(count: number): string;
  readonly unplaced: string;
  stillToConfirm(count: number, ids: string): string;
}

const s = (n: number, one: string, many: string) => (n === 1 ? one : many);

const EN: CarriedWords = {
  found: (file, n, from, to) => `${file} holds ${n} ${s(n, "answer", "answers")} to ${from}; this session asks ${to}.`,
  plan: (c) =>
    `Carried over, ${c.carried} ${s(c.carried, "answer keeps its place", "answers keep their place")} (${c.toConfirm} to confirm); ${c.unmapped} cannot be carried, ${s(c.unmapped, "is", "are")} kept aside in the file and shown next to the question ${s(c.unmapped, "it", "they")} most likely ${s(c.unmapped, "belongs", "belong")} to.`,
  offer: (to, backup) => `Carry the answers over to ${to}? The old file is kept, untouched, as ${backup}`,
  migrated: (to, c, backup) => `Carried over to ${to}: ${c.carried} carried, ${c.toConfirm} to confirm, ${c.unmapped} unmapped. The old file is kept as ${backup}.`,
  oldAnswer: (version, question) => `Old answer (${version}) to ${question}, not carried over:`,
  comment: "comment",
  evidence: "evidence",
  reason: (r) =>
    ({
      removed: "the question was removed",
      "type-changed": "the question's type changed",
      "option-removed": "the option is no longer offered",
      "out-of-range": "the value is outside the new range",
      "not-asked": "the question is no longer asked of this agency",
      invalid: "the answer was not valid",
      "unknown-question": "the question was unknown",
    })[r],
  takeIntoAccount: "Take it into account in the answer below.",
  alreadyConsidered: "already taken into account",
  carriedFrom: (ids, version) => `Carried from ${ids} (${version}), please confirm:`,
  toConfirm: "to confirm",
  oldAnswerMark: "old answer to consider",
  waiting: (n, ids) => `${n} carried ${s(n, "answer waits", "answers wait")} for confirmation and will be asked again: ${ids}`,
  unmappedCount: (n) => `${n} old ${s(n, "answer", "answers")} could not be carried; each is shown next to the question it most likely belongs to.`,
  unplaced: "Old answers with no question for this agency (kept in the file):",
  stillToConfirm: (n, ids) => `${n} carried ${s(n, "answer", "answers")} still to confirm: ${ids}`,
};

const FR: CarriedWords = {
  found: (file, n, from, to) => `${file} contient ${n} ${s(n, "réponse", "réponses")} à ${from} ; cette session pose ${to}.`,
  plan: (c) =>
    `Elles peuvent être reportées : ${c.carried} reportées (${c.toConfirm} à confirmer), ${c.unmapped} non reportables mises de côté et montrées à côté de la question la plus proche.`,
  offer: (to, backup) => `Reporter les réponses vers ${to} ? L'ancien fichier est conservé tel quel sous ${backup}`,
  migrated: (to, c, backup) =>
    `Reporté vers ${to} : ${c.carried} reportées, ${c.toConfirm} à confirmer, ${c.unmapped} non reportées. L'ancien fichier est conservé sous ${backup}.`,
  oldAnswer: (version, question) => `Ancienne réponse (${version}) à ${question}, non reportée :`,
  comment: "commentaire",
  evidence: "justificatif",
  reason: (r) =>
    ({
      removed: "la question a été supprimée",
      "type-changed": "le type de la question a changé",
      "option-removed": "l'option n'est plus proposée",
      "out-of-range": "la valeur sort de la nouvelle plage",
      "not-asked": "la question n'est plus posée à cette agence",
      invalid: "la réponse n'était pas valable",
      "unknown-question": "la question était inconnue",
    })[r],
  takeIntoAccount: "Tenez-en compte dans la réponse ci-dessous.",
  alreadyConsidered: "déjà prise en compte",
  carriedFrom: (ids, version) => `Reportée de ${ids} (${version}), à confirmer :`,
  toConfirm: "à confirmer",
  oldAnswerMark: "ancienne réponse à prendre en compte",
  waiting: (n, ids) => `${n} ${s(n, "réponse reportée attend", "réponses reportées attendent")} une confirmation et ${s(n, "sera reposée", "seront reposées")} : ${ids}`,
  unmappedCount: (n) =>
    `${n} ${s(n, "ancienne réponse n'a pu être reportée ; elle est montrée", "anciennes réponses n'ont pu être reportées ; chacune est montrée")} à côté de la question la plus proche.`,
  unplaced: "Anciennes réponses sans question pour cette agence (conservées dans le fichier) :",
  stillToConfirm: (n, ids) => `${n} ${s(n, "réponse reportée reste", "réponses reportées restent")} à confirmer : ${ids}`,
};

const RU: CarriedWords = {
  found: (file, n, from, to) => `В ${file} ответов на ${from}: ${n}; в этом сеансе заполняется ${to}.`,
  plan: (c) =>
    `Их можно перенести: перенесено ${c.carried} (подтвердить: ${c.toConfirm}); не переносимые (${c.unmapped}) сохраняются отдельно и показываются рядом с наиболее подходящим вопросом.`,
  offer: (to, backup) => `Перенести ответы в ${to}? Старый файл сохраняется без изменений как ${backup}`,
  migrated: (to, c, backup) => `Перенесено в ${to}: перенесено ${c.carried}, подтвердить ${c.toConfirm}, не перенесено ${c.unmapped}. Старый файл сохранён как ${backup}.`,
  oldAnswer: (version, question) => `Прежний ответ (${version}) на ${question}, не перенесён:`,
  comment: "комментарий",
  evidence: "подтверждение",
  reason: (r) =>
    ({
      removed: "вопрос удалён",
      "type-changed": "изменился тип вопроса",
      "option-removed": "этот вариант больше не предлагается",
      "out-of-range": "значение вне нового диапазона",
      "not-asked": "вопрос больше не задаётся этому ведомству",
      invalid: "ответ был недопустим",
      "unknown-question": "вопрос был неизвестен",
    })[r],
  takeIntoAccount: "Учтите его в ответе ниже.",
  alreadyConsidered: "уже учтён",
  carriedFrom: (ids, version) => `Перенесён из ${ids} (${version}), подтвердите:`,
  toConfirm: "подтвердить",
  oldAnswerMark: "учесть прежний ответ",
  waiting: (n, ids) => `Перенесённых ответов, ожидающих подтверждения: ${n}; они будут заданы снова: ${ids}`,
  unmappedCount: (n) => `Прежних ответов, которые не удалось перенести: ${n}; каждый показан рядом с наиболее подходящим вопросом.`,
  unplaced: "Прежние ответы без вопроса для этого ведомства (сохранены в файле):",
  stillToConfirm: (n, ids) => `Перенесённых ответов ещё не подтверждено: ${n}: ${ids}`,
};

const WORDS: Readonly<Record<string, CarriedWords>> = { en: EN, fr: FR, ru: RU };

/** The words about carried answers in `lang`; English for a language naq has no words for yet. */
export function carriedWords(lang: string): CarriedWords {
  return WORDS[lang] ?? WORDS[lang.split("-")[0] ?? ""] ?? EN;
}
