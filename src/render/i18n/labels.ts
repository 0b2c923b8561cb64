export interface Labels {
  readonly languages: string;
  readonly questionsIn: (questions: number, areas: number) => string;
  readonly agencies: string;
  readonly questions: (n: number) => string;
  readonly conditional: string;
  readonly digest: string;
}

/** The few words naq itself prints around questionnaire content, in the languages bundled content uses. */
const LABELS: Record<string, Labels> = {
  en: {
    languages: "languages",
    questionsIn: (q: number, a: number) => `${q} questions in ${a} areas`,
    agencies: "Agencies",
    questions: (n: number) => `${n} questions`,
    conditional: "conditional",
    digest: "digest",
  },
  fr: {
    languages: "langues",
    questionsIn: (q: number, a: number) => `${q} questions dans ${a} domaines`,
    agencies: "Organismes",
    questions: (n: number) => `${n} questions`,
    conditional: "conditionnelle",
    digest: "empreinte",
  },
  ru: {
    languages: "языки",
    questionsIn: (q: number, a: number) => `вопросов: ${q}, разделов: ${a}`,
    agencies: "Ведомства",
    questions: (n: number) => `вопросов: ${n}`,
    conditional: "условный",
    digest: "дайджест",
  },
};

/** naq's own words in `lang`, English for a language it has none in. */
export function labelsFor(lang: string): Labels {
  return LABELS[lang] ?? (LABELS.en as Labels);
}
