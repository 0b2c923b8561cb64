/** The words a workbook template speaks besides the questionnaire's own texts, per language. */
export interface TemplateWords {
  /** Other ways people write these answers; compared case- and whitespace-insensitively. */
  readonly yesAlso: readonly string[];
  readonly noAlso: readonly string[];
  readonly dontKnowAlso: readonly string[];
  readonly notApplicableAlso: readonly string[];
  readonly instructionsSheet: string;
  readonly headers: { readonly id: string; readonly question: string; readonly guidance: string; readonly answer: string; readonly comment: string; readonly evidence: string };
  readonly respondent: string;
  readonly agency: string;
  readonly country: string;
  readonly questionnaire: string;
  readonly howTitle: string;
  readonly steps: readonly string[];
  readonly levelsTitle: string;
  readonly sendBackTitle: string;
  sendBack(to: string): string;
  readonly defaultSendTo: string;
  readonly sheetsTitle: string;
  questions(n: number): string;
  /** A value quoted as the language quotes: “Yes”, « Oui », «Да». */
  quote(text: string): string;
  answerOnlyIf(condition: string): string;
  is(question: string, value: string): string;
  isOneOf(question: string, values: string): string;
  atLeast(question: string, value: string): string;
  atMost(question: string, value: string): string;
  readonly and: string;
  readonly or: string;
  not(condition: string): string;
  readonly optional: string;
  /** An answer to an older revision that could not be carried, shown next to the question it most likely belongs to. */
  readonly earlierAnswer: (question: string, version: string, value: string, note: string) => string;
  /** An answer carried from an older revision that the respondent should check. */
  readonly toConfirm: (what: string) => string;
  readonly evidenceRequired: string;
  readonly evidenceOptional: string;
  /** Heading of a question's own level descriptors in its guidance cell. */
  readonly levelsHere: string;
  /** The references line of a guidance cell. */
  readonly references: (list: string) => string;
  unit(unit: string): string;
  range(min: number | undefined, max: number | undefined): string;
  readonly number: string;
  readonly date: string;
  readonly text: string;
  readonly several: string;
  options(list: string): string;
  readonly listErrorTitle: string;
  readonly listError: string;
}

const en: TemplateWords = {
  yesAlso: ["y", "true"],
  noAlso: ["n", "false"],
  dontKnowAlso: ["dont know", "do not know", "unknown", "dk"],
  notApplicableAlso: ["n/a", "na", "n.a.", "does not apply"],
  instructionsSheet: "Instructions",
  headers: { id: "ID", question: "Question", guidance: "Guidance", answer: "Answer", comment: "Comment", evidence: "Evidence" },
  respondent: "Respondent (name, position)",
  agency: "Agency",
  country: "Country",
  questionnaire: "Questionnaire",
  howTitle: "How to answer",
  steps: [
    "Each of the following sheets holds one area of the questionnaire, with only the questions your agency is asked.",
    "Choose each answer in the Answer column from its dropdown list. If you do not know, choose “Don't know”; if the question does not concern your agency, choose “Not applicable”.",
    "Numbers and dates are typed in (dates as 2024-05-15). Where several answers are possible, separate them with a semicolon (;).",
    "Use the Comment column to explain an answer, and the Evidence column to cite a law, plan, report or web address where the question asks for evidence.",
    "Some questions apply only given an earlier answer; the Guidance column says when. Leave them empty otherwise.",
    "Do not change the ID column, rename, reorder or delete sheets, or insert or sort rows: the answers are read back by position.",
    "Save the workbook as .xlsx (Excel, LibreOffice or Google Sheets all work).",
  ],
  levelsTitle: "What the levels mean",
  sendBackTitle: "When you have finished",
  sendBack: (to) => `Send the saved workbook back to ${to}.`,
  defaultSendTo: "the National CBRN Focal Point who sent it to you",
  sheetsTitle: "Sheets in this workbook",
  questions: (n) => `${n} question${n === 1 ? "" : "s"}`,
  quote: (t) => `“${t}”`,
  answerOnlyIf: (c) => `Answer only if ${c}.`,
  is: (q, v) => `${q} is ${v}`,
  isOneOf: (q, v) => `${q} is one of ${v}`,
  atLeast: (q, v) => `${q} is at least ${v}`,
  atMost: (q, v) => `${q} is at most ${v}`,
  and: "and",
  or: "or",
  not: (c) => `not (${c})`,
  optional: "Optional.",
  earlierAnswer: (id, version, value, note) => `Earlier answer to ${id} (${version}), not carried over: ${value}. Why: ${note}. Please answer this question again.`,
  toConfirm: (what) => `Carried over from the earlier edition; please check it: ${what}`,
  evidenceRequired: "Evidence required: cite it in the Evidence column.",
  evidenceOptional: "Evidence welcome in the Evidence column.",
  levelsHere: "What each level means for this question (a level holds only if the lower ones do):",
  references: (list) => `References: ${list}`,
  unit: (u) => `Unit: ${u}.`,
  range: (min, max) => (min !== undefined && max !== undefined ? `From ${min} to ${max}.` : min !== undefined ? `At least ${min}.` : `At most ${max}.`),
  number: "Type a number.",
  date: "Type a date (2024-05-15).",
  text: "Type your answer.",
  several: "Several answers: separate them with a semicolon (;).",
  options: (l) => `Options: ${l}.`,
  listErrorTitle: "Not in the list",
  listError: "Choose an answer from the dropdown list.",
};

const fr: TemplateWords = {
  yesAlso: ["o", "vrai"],
  noAlso: ["faux"],
  dontKnowAlso: ["je ne sais pas", "ne sais pas", "inconnu", "nsp"],
  notApplicableAlso: ["non applicable", "ne s'applique pas", "s.o.", "so"],
  instructionsSheet: "Instructions",
  headers: { id: "ID", question: "Question", guidance: "Indications", answer: "Réponse", comment: "Commentaire", evidence: "Justificatif" },
  respondent: "Répondant (nom, fonction)",
  agency: "Organisme",
  country: "Pays",
  questionnaire: "Questionnaire",
  howTitle: "Comment répondre",
  steps: [
    "Chacune des feuilles suivantes contient un domaine du questionnaire, avec les seules questions posées à votre organisme.",
    "Choisissez chaque réponse dans la liste déroulante de la colonne Réponse. Si vous ne savez pas, choisissez « Ne sait pas » ; si la question ne concerne pas votre organisme, choisissez « Sans objet ».",
    "Les nombres et les dates se saisissent au clavier (dates sous la forme 2024-05-15). Lorsque plusieurs réponses sont possibles, séparez-les par un point-virgule (;).",
    "La colonne Commentaire sert à expliquer une réponse, la colonne Justificatif à citer une loi, un plan, un rapport ou une adresse web lorsque la question demande un justificatif.",
    "Certaines questions ne s'appliquent qu'en fonction d'une réponse précédente ; la colonne Indications précise quand. Sinon, laissez-les vides.",
    "Ne modifiez pas la colonne ID, ne renommez, ne déplacez ni ne supprimez de feuille, n'insérez ni ne triez de lignes : les réponses sont relues selon leur position.",
    "Enregistrez le classeur au format .xlsx (Excel, LibreOffice ou Google Sheets conviennent).",
  ],
  levelsTitle: "Signification des niveaux",
  sendBackTitle: "Une fois terminé",
  sendBack: (to) => `Renvoyez le classeur enregistré à ${to}.`,
  defaultSendTo: "la personne du point focal national NRBC qui vous l'a envoyé",
  sheetsTitle: "Feuilles du classeur",
  questions: (n) => `${n} question${n > 1 ? "s" : ""}`,
  quote: (t) => `« ${t} »`,
  answerOnlyIf: (c) => `À remplir seulement si ${c}.`,
  is: (q, v) => `la réponse à ${q} est ${v}`,
  isOneOf: (q, v) => `la réponse à ${q} est l'une des suivantes : ${v}`,
  atLeast: (q, v) => `la réponse à ${q} est au moins ${v}`,
  atMost: (q, v) => `la réponse à ${q} est au plus ${v}`,
  and: "et",
  or: "ou",
  not: (c) => `non (${c})`,
  optional: "Facultatif.",
  earlierAnswer: (id, version, value, note) => `Réponse antérieure à ${id} (${version}), non reprise : ${value}. Motif : ${note}. Merci de répondre à nouveau à cette question.`,
  toConfirm: (what) => `Reprise de l'édition précédente ; merci de la vérifier : ${what}`,
  evidenceRequired: "Justificatif exigé : indiquez-le dans la colonne Justificatif.",
  evidenceOptional: "Un justificatif est bienvenu dans la colonne Justificatif.",
  levelsHere: "Ce que signifie chaque niveau pour cette question (un niveau n'est atteint que si les niveaux inférieurs le sont) :",
  references: (list) => `Références : ${list}`,
  unit: (u) => `Unité : ${u}.`,
  range: (min, max) => (min !== undefined && max !== undefined ? `De ${min} à ${max}.` : min !== undefined ? `Au moins ${min}.` : `Au plus ${max}.`),
  number: "Saisissez un nombre.",
  date: "Saisissez une date (2024-05-15).",
  text: "Saisissez votre réponse.",
  several: "Plusieurs réponses : séparez-les par un point-virgule (;).",
  options: (l) => `Choix : ${l}.`,
  listErrorTitle: "Réponse hors liste",
  listError: "Choisissez une réponse dans la liste déroulante.",
};

const ru: TemplateWords = {
  yesAlso: ["истина"],
  noAlso: ["ложь"],
  dontKnowAlso: ["затрудняюсь ответить", "неизвестно", "нет данных"],
  notApplicableAlso: ["не применимо", "не применяется", "н/п", "не относится"],
  instructionsSheet: "Инструкция",
  headers: { id: "Код", question: "Вопрос", guidance: "Пояснения", answer: "Ответ", comment: "Комментарий", evidence: "Подтверждение" },
  respondent: "Респондент (ФИО, должность)",
  agency: "Ведомство",
  country: "Страна",
  questionnaire: "Вопросник",
  howTitle: "Как отвечать",
  steps: [
    "Каждый следующий лист содержит один раздел вопросника и только те вопросы, которые адресованы вашему ведомству.",
    "Выберите каждый ответ из раскрывающегося списка в столбце «Ответ». Если вы не знаете ответа, выберите «Не знаю»; если вопрос не касается вашего ведомства, выберите «Неприменимо».",
    "Числа и даты вводятся вручную (даты в виде 2024-05-15). Если возможно несколько ответов, разделяйте их точкой с запятой (;).",
    "В столбце «Комментарий» можно пояснить ответ, а в столбце «Подтверждение» — указать закон, план, отчёт или веб-адрес, если вопрос требует подтверждения.",
    "Некоторые вопросы задаются только при определённом ответе на предыдущий вопрос; это указано в столбце «Пояснения». В остальных случаях оставьте их пустыми.",
    "Не изменяйте столбец «Код», не переименовывайте, не переставляйте и не удаляйте листы, не вставляйте и не сортируйте строки: ответы считываются по их положению.",
    "Сохраните книгу в формате .xlsx (подойдут Excel, LibreOffice или Google Таблицы).",
  ],
  levelsTitle: "Что означают уровни",
  sendBackTitle: "Когда закончите",
  sendBack: (to) => `Отправьте сохранённую книгу: ${to}.`,
  defaultSendTo: "национальному координатору по ХБРЯ, который прислал её вам",
  sheetsTitle: "Листы книги",
  questions: (n) => `${n} ${ruPlural(n, "вопрос", "вопроса", "вопросов")}`,
  quote: (t) => `«${t}»`,
  answerOnlyIf: (c) => `Отвечайте, только если ${c}.`,
  is: (q, v) => `ответ на ${q} — ${v}`,
  isOneOf: (q, v) => `ответ на ${q} — одно из: ${v}`,
  atLeast: (q, v) => `ответ на ${q} — не ниже ${v}`,
  atMost: (q, v) => `ответ на ${q} — не выше ${v}`,
  and: "и",
  or: "или",
  not: (c) => `не (${c})`,
  optional: "Необязательный вопрос.",
  earlierAnswer: (id, version, value, note) =>
    `Прежний ответ на ${id} (${version}), не перенесённый автоматически: ${value}. Причина: ${note}. Пожалуйста, ответьте на этот вопрос заново.`,
  toConfirm: (what) => `Ответ перенесён из предыдущей редакции; проверьте его: ${what}`,
  evidenceRequired: "Требуется подтверждение: укажите его в столбце «Подтверждение».",
  evidenceOptional: "Подтверждение можно указать в столбце «Подтверждение».",
  levelsHere: "Что означает каждый уровень для этого вопроса (уровень достигнут, только если достигнуты все нижестоящие):",
  references: (list) => `Ссылки: ${list}`,
  unit: (u) => `Единица: ${u}.`,
  range: (min, max) => (min !== undefined && max !== undefined ? `От ${min} до ${max}.` : min !== undefined ? `Не менее ${min}.` : `Не более ${max}.`),
  number: "Введите число.",
  date: "Введите дату (2024-05-15).",
  text: "Введите ответ.",
  several: "Несколько ответов разделяйте точкой с запятой (;).",
  options: (l) => `Варианты: ${l}.`,
  listErrorTitle: "Нет в списке",
  listError: "Выберите ответ из раскрывающегося списка.",
};

function ruPlural(n: number, one: string, few: string, many: string): string {
  const d = n % 10;
  const dd = n % 100;
  if (d === 1 && dd !== 11) return one;
  if (d >= 2 && d <= 4 && (dd < 12 || dd > 14)) return few;
  return many;
}

const WORDS: Readonly<Record<string, TemplateWords>> = { en, fr, ru };

/** The template words in `lang`, or English for a language naq has no words for. */
export function templateWords(lang: string): TemplateWords {
  return WORDS[lang] ?? WORDS[lang.split("-")[0] ?? ""] ?? en;
}

/** Every set of template words naq knows, for recognising answers written in any of them. */
export function allTemplateWords(): readonly TemplateWords[] {
  return Object.values(WORDS);
}
