import type { Questionnaire } from "./model.js";

/**
 * The language to work in: `--lang` if given, else the response file's, else the questionnaire's
 * binding (first) language; or why the one asked for cannot be used.
 * Every command that takes --lang chooses with this.
 */
export function chooseLanguage(q: Questionnaire, flag: string | undefined, saved: string | undefined): { lang: string } | { problem: string } {
  const wanted = flag ?? saved ?? q.languages[0] ?? "en";
  if (q.languages.includes(wanted)) return { lang: wanted };
  const source = flag !== undefined ? "--lang" : "the response file's language";
  return {
    problem: `${q.id} ${q.version} is not available in \`${wanted}\` (${source}); its languages are ${q.languages.join(", ")}: use --lang ${q.languages.join("|")}`,
  };
}
