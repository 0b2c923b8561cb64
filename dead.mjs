import ts from "typescript";
import { readFileSync } from "node:fs";
import { execSync } from "node:child_process";
const files = execSync("git ls-files src test bench scripts", { encoding: "utf8" })
  .split("\n")
  .filter((f) => /\.(ts|js|mjs)$/.test(f));
const srcFiles = files.filter((f) => f.startsWith("src/"));
const exportsOf = new Map();
for (const f of srcFiles) {
  const sf = ts.createSourceFile(f, readFileSync(f, "utf8"), ts.ScriptTarget.Latest, true);
  const names = [];
  for (const st of sf.statements) {
    const mods = ts.canHaveModifiers(st) ? ts.getModifiers(st) : undefined;
    if (!mods?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) names.push(d.name.getText());
    else if (st.name) names.push(st.name.getText());
  }
  exportsOf.set(f, names);
}
const text = new Map(files.map((f) => [f, readFileSync(f, "utf8")]));
for (const [f, names] of exportsOf) {
  for (const n of names) {
    const re = new RegExp(`\\b${n}\\b`);
    const usedSrc = srcFiles.some((g) => g !== f && re.test(text.get(g)));
    const usedTest = files.some((g) => !g.startsWith("src/") && re.test(text.get(g)));
    const own = (text.get(f).match(new RegExp(`\\b${n}\\b`, "g")) || []).length;
    if (!usedSrc) console.log(`${f}\t${n}\t${usedTest ? "tests only" : "nowhere"}\town=${own}`);
  }
}
