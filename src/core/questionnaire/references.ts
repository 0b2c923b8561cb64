/** References in words: how reports and workbooks cite the instruments and indicators a question follows. */
import type { Reference } from "./model.js";

const PREFIX: Readonly<Record<Exclude<Reference["kind"], "instrument">, string>> = {
  jee3: "JEE",
  spar2: "SPAR",
  nss: "IAEA NSS",
  iaea: "IAEA",
  r1540: "UNSCR 1540",
  fatf: "FATF",
  iso: "ISO",
  who: "WHO",
  woah: "WOAH",
  opcw: "OPCW",
};

/** One reference as cited: `CWC Art. VII(4)`, `JEE P7.1`, `SPAR C1.1`, `IAEA NSS 13`, `UNSCR 1540 OP3(d)`. */
export function referenceText(r: Reference): string {
  if (r.kind === "instrument") return r.article ? `${r.id} Art. ${r.article}` : r.id;
  return `${PREFIX[r.kind]} ${r.id}`;
}

/** A question's references in one line, separated by `; `. */
export function referencesText(refs: readonly Reference[]): string {
  return refs.map(referenceText).join("; ");
}
