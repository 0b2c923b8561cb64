import { error, warning, type Issue } from "../../issues.js";
import type { LocalText, Path, Questionnaire } from "../model.js";
import type { Rule } from "./rule.js";

/** Every text of the questionnaire with a name for messages and its path. */
export function texts(q: Questionnaire): { what: string; text: LocalText; path: Path }[] {
  const out: { what: string; text: LocalText; path: Path }[] = [{ what: "the title", text: q.title, path: ["title"] }];
  for (const s of Object.values(q.scales)) {
    s.levels.forEach((l, i) => {
      out.push({ what: `scale ${s.id} level ${l.value} label`, text: l.label, path: [...s.path, "levels", i, "label"] });
      out.push({ what: `scale ${s.id} level ${l.value} description`, text: l.description, path: [...s.path, "levels", i, "description"] });
    });
  }
  for (const a of q.agencies) out.push({ what: `agency ${a.id} name`, text: a.name, path: [...a.path, "name"] });
  for (const a of q.areas) out.push({ what: `area ${a.id} title`, text: a.title, path: [...a.path, "title"] });
  for (const x of q.questions) {
    out.push({ what: `${x.id} text`, text: x.text, path: [...x.path, "text"] });
    if (x.help) out.push({ what: `${x.id} help`, text: x.help, path: [...x.path, "help"] });
    if (x.unit) out.push({ what: `${x.id} unit`, text: x.unit, path: [...x.path, "unit"] });
    (x.options ?? []).forEach((o, i) => out.push({ what: `${x.id} option ${o.value}`, text: o.label, path: [...x.path, "options", i, "label"] }));
    for (const [level, text] of Object.entries(x.levels ?? {})) out.push({ what: `${x.id} level ${level}`, text, path: [...x.path, "levels", level] });
  }
  return out;
}

/** Every text exists in every declared language, and in no undeclared one. */
export const translationsComplete: Rule = (q) => {
  const declared = new Set(q.languages);
  const out: Issue[] = [];
  for (const t of texts(q)) {
    for (const lang of q.languages) {
      const value = t.text[lang];
      if (value === undefined || value.trim() === "") {
        out.push(error("MISSING_TRANSLATION", `${t.what} has no \`${lang}\` text; add \`${lang}:\` (every text needs ${q.languages.join(", ")})`, t.path));
      }
    }
    for (const lang of Object.keys(t.text)) {
      if (!declared.has(lang)) {
        out.push(
          warning("UNDECLARED_LANGUAGE", `${t.what} has a \`${lang}\` text, but \`${lang}\` is not in \`languages\`; add it there or remove the text`, [...t.path, lang], true),
        );
      }
    }
  }
  return out;
};
