// Renders `naq --help` and every `naq COMMAND --help` from the commander program into dist/help.json,
// which src/main.ts serves without loading commander.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildProgram } from "../dist/cli.js";
import { PLAIN } from "../dist/render/style.js";

let captured = "";
const sink = { write: (s) => ((captured += s), true), isTTY: false };
const ctx = { io: { stdout: sink, stderr: sink, env: {}, cwd: "." }, style: PLAIN, errStyle: PLAIN, out() {}, err() {} };
const program = buildProgram(ctx, () => {});
const render = (cmd) => {
  captured = "";
  cmd.outputHelp();
  return captured;
};
const help = { "": render(program) };
for (const cmd of program.commands) help[cmd.name()] = render(cmd);
writeFileSync(fileURLToPath(new URL("../dist/help.json", import.meta.url)), JSON.stringify(help));
