import type { EntryProblem } from "../../core/answers/entry.js";
import { carriedWords, type CarriedWords } from "./carried-words.js";
import { answerWords, capitalised } from "../../core/answers/words.js";

/** naq's answer words as the menu items start: `Yes`, `Ne sait pas`; one source with every other place that shows answers. */
function answerItemWords(lang: string): Pick<FillWords, "yes" | "no" | "dontKnow" | "notApplicable"> {
  const w = answerWords(lang);
  return { yes: capitalised(w.yes), no: capitalised(w.no), dontKnow: capitalised(w.dontKnow), notApplicable: capitalised(w.notApplicable) };
}

/** The words a fill session shows around the questionnaire's own texts, in one language. */
export interface FillWords {
  readonly yes: string;
  readonly no: string;
  readonly dontKnow: string;
  readonly notApplicable: string;
  readonly help: string;
  readonly skip: string;
  readonly back: string;
  readonly none: string;
  keep(current: string): string;
  position(areaN: number, areaTotal: number, n: number, total: number): string;
  inputHint(help: boolean): string;
  checkboxHint(help: boolean): string;
  readonly otherAnswers: string;
  readonly comment: string;
  evidence(required: boolean): string;
  problem(p: EntryProblem): string;
  readonly review: string;
  readonly done: string;
  readonly notAnswered: string;
  readonly noLongerApplies: string;
  readonly invalidSaved: string;
  readonly noEvidence: string;
  nowIrrelevant(ids: string): string;
  invalidNote(id: string, problem: string): string;
  readonly allAnswered: string;
  /** Words for the key hints under a list: navigate, select, toggle (space), all, invert, submit. */
  readonly keys: Readonly<Record<string, string>>;
  start(agency: string, country: string, revision: string): string;
  progress(answered: number, applicable: number): string;
  saved(file: string, complete: boolean): string;
  openRequired(count: number, ids: string): string;
  stopped(file: string, answered: number, applicable: number): string;
  readonly resume: string;
  readonly check: string;
  /** About answers carried from an older revision. */
  readonly carried: CarriedWords;
}

const EN: FillWords = {
  ...answerItemWords("en"),
  help: "Help",
  skip: "Skip (optional question)",
  back: "← Back: type an answer",
  none: "None of these",
  keep: (v) => `Keep the current answer (${v})`,
  position: (a, at, n, t) => `question ${a} of ${at} in this area · ${n} of ${t} overall`,
  inputHint: (help) => `Leave it empty and press Enter for: don't know, not applicable${help ? ", help" : ""}.`,
  checkboxHint: (help) => `Tick nothing and press Enter for: none of these, don't know, not applicable${help ? ", help" : ""}.`,
  otherAnswers: "Other answers",
  comment: "Comment (optional; Enter to skip)",
  evidence: (required) => `Evidence: a law number, document title or URL (${required ? "expected" : "optional"})`,
  problem: (p) =>
    p.kind === "not-a-number"
      ? "Type a number, such as 12 or 3.5"
      : p.kind === "below-min"
        ? `The smallest answer allowed is ${p.limit}`
        : p.kind === "above-max"
          ? `The largest answer allowed is ${p.limit}`
          : p.kind === "not-a-date"
            ? "Type a date as YYYY-MM-DD, such as 2024-05-15"
            : "Type an answer",
  review: "Review: pick an answer to change it, or Done",
  done: "✔ Done",
  notAnswered: "not answered",
  noLongerApplies: "no longer applies",
  invalidSaved: "saved answer not accepted",
  noEvidence: "no evidence yet",
  nowIrrelevant: (ids) => `No longer applies given this answer (the answers are kept): ${ids}`,
  invalidNote: (id, problem) => `${id}: the saved answer is not accepted (${problem}); it will be asked again.`,
  allAnswered: "Every question that applies is answered.",
  keys: { navigate: "navigate", select: "select", toggle: "tick", all: "all", invert: "invert", submit: "submit" },
  start: (agency, country, revision) => `${agency} (${country}) · ${revision}`,
  progress: (a, t) => `${a} of ${t} questions that apply are answered.`,
  saved: (file, complete) => `Saved ${file}; status: ${complete ? "complete" : "in progress"}.`,
  openRequired: (count, ids) => `${count} required question${count === 1 ? "" : "s"} still unanswered: ${ids}`,
  stopped: (file, a, t) => `stopped. Every answer you confirmed is saved in ${file} (${a} of ${t} answered).`,
  resume: "To continue where you left off, run:",
  check: "Check it with:",
  carried: carriedWords("en"),
};

const FR: FillWords = {
  ...answerItemWords("fr"),
  help: "Aide",
  skip: "Passer (question facultative)",
  back: "← Retour : saisir une réponse",
  none: "Aucun de ceux-ci",
  keep: (v) => `Garder la réponse actuelle (${v})`,
  position: (a, at, n, t) => `question ${a} sur ${at} dans ce domaine · ${n} sur ${t} au total`,
  inputHint: (help) => `Laissez vide et appuyez sur Entrée pour : ne sait pas, sans objet${help ? ", aide" : ""}.`,
  checkboxHint: (help) => `Sans rien cocher, Entrée propose : aucun de ceux-ci, ne sait pas, sans objet${help ? ", aide" : ""}.`,
  otherAnswers: "Autres réponses",
  comment: "Commentaire (facultatif ; Entrée pour passer)",
  evidence: (required) => `Justificatif : numéro de loi, titre de document ou URL (${required ? "attendu" : "facultatif"})`,
  problem: (p) =>
    p.kind === "not-a-number"
      ? "Saisissez un nombre, par exemple 12 ou 3,5"
      : p.kind === "below-min"
        ? `La plus petite réponse admise est ${p.limit}`
        : p.kind === "above-max"
          ? `La plus grande réponse admise est ${p.limit}`
          : p.kind === "not-a-date"
            ? "Saisissez une date au format AAAA-MM-JJ, par exemple 2024-05-15"
            : "Saisissez une réponse",
  review: "Relecture : choisissez une réponse pour la modifier, ou Terminé",
  done: "✔ Terminé",
  notAnswered: "sans réponse",
  noLongerApplies: "ne s'applique plus",
  invalidSaved: "réponse enregistrée non valable",
  noEvidence: "pas encore de justificatif",
  nowIrrelevant: (ids) => `Ne s'applique plus après cette réponse (les réponses sont conservées) : ${ids}`,
  invalidNote: (id, problem) => `${id} : la réponse enregistrée n'est pas valable (${problem}) ; la question sera reposée.`,
  allAnswered: "Toutes les questions applicables ont une réponse.",
  keys: { navigate: "naviguer", select: "choisir", toggle: "cocher", all: "tout", invert: "inverser", submit: "valider" },
  start: (agency, country, revision) => `${agency} (${country}) · ${revision}`,
  progress: (a, t) => `${a} questions applicables sur ${t} ont une réponse.`,
  saved: (file, complete) => `Enregistré dans ${file} ; état : ${complete ? "complet" : "en cours"}.`,
  openRequired: (count, ids) => `${count} question${count === 1 ? " obligatoire reste" : "s obligatoires restent"} sans réponse : ${ids}`,
  stopped: (file, a, t) => `interrompu. Chaque réponse confirmée est enregistrée dans ${file} (${a} sur ${t}).`,
  resume: "Pour reprendre là où vous en étiez :",
  check: "Pour le vérifier :",
  carried: carriedWords("fr"),
};

const RU: FillWords = {
  ...answerItemWords("ru"),
  help: "Справка",
  skip: "Пропустить (необязательный вопрос)",
  back: "← Назад: ввести ответ",
  none: "Ничего из перечисленного",
  keep: (v) => `Оставить текущий ответ (${v})`,
  position: (a, at, n, t) => `вопрос ${a} из ${at} в разделе · ${n} из ${t} всего`,
  inputHint: (help) => `Оставьте поле пустым и нажмите Enter, чтобы выбрать: не знаю, неприменимо${help ? ", справка" : ""}.`,
  checkboxHint: (help) => `Ничего не отмечайте и нажмите Enter, чтобы выбрать: ничего из перечисленного, не знаю, неприменимо${help ? ", справка" : ""}.`,
  otherAnswers: "Другие варианты ответа",
  comment: "Комментарий (необязательно; Enter — пропустить)",
  evidence: (required) => `Подтверждение: номер закона, название документа или URL (${required ? "ожидается" : "необязательно"})`,
  problem: (p) =>
    p.kind === "not-a-number"
      ? "Введите число, например 12 или 3,5"
      : p.kind === "below-min"
        ? `Наименьший допустимый ответ: ${p.limit}`
        : p.kind === "above-max"
          ? `Наибольший допустимый ответ: ${p.limit}`
          : p.kind === "not-a-date"
            ? "Введите дату в формате ГГГГ-ММ-ДД, например 2024-05-15"
            : "Введите ответ",
  review: "Проверка: выберите ответ, чтобы изменить его, или «Готово»",
  done: "✔ Готово",
  notAnswered: "нет ответа",
  noLongerApplies: "больше не применяется",
  invalidSaved: "сохранённый ответ недопустим",
  noEvidence: "подтверждение не указано",
  nowIrrelevant: (ids) => `С учётом этого ответа больше не применяются (ответы сохранены): ${ids}`,
  invalidNote: (id, problem) => `${id}: сохранённый ответ недопустим (${problem}); вопрос будет задан снова.`,
  allAnswered: "На все применимые вопросы даны ответы.",
  keys: { navigate: "перемещение", select: "выбрать", toggle: "отметить", all: "все", invert: "инвертировать", submit: "подтвердить" },
  start: (agency, country, revision) => `${agency} (${country}) · ${revision}`,
  progress: (a, t) => `Отвечено на ${a} из ${t} применимых вопросов.`,
  saved: (file, complete) => `Сохранено в ${file}; статус: ${complete ? "заполнено" : "в работе"}.`,
  openRequired: (count, ids) => `Обязательных вопросов без ответа: ${count}: ${ids}`,
  stopped: (file, a, t) => `остановлено. Все подтверждённые ответы сохранены в ${file} (${a} из ${t}).`,
  resume: "Чтобы продолжить с того же места, выполните:",
  check: "Проверить файл:",
  carried: carriedWords("ru"),
};

const WORDS: Readonly<Record<string, FillWords>> = { en: EN, fr: FR, ru: RU };

/** The session's words in `lang`; English for a language naq has no words for yet. */
export function fillWords(lang: string): FillWords {
  return WORDS[lang] ?? WORDS[lang.split("-")[0] ?? ""] ?? EN;
}
