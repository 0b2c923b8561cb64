import { fill, type FillOptions } from "../src/commands/fill/index.js";
import { makeContext } from "../src/context.js";
import { ScriptedPrompter, type Step } from "./scripted-prompter.js";

export interface Ran {
  readonly out: string;
  readonly prompter: ScriptedPrompter;
  readonly error?: Error;
}

/**
 * A function that runs `naq fill` in process with a scripted prompter, in folder `dir`, with `base`
 * options under the ones a test gives; it never throws, so a test can look at what happened.
 */
export function fillSession(base: Partial<FillOptions> & Pick<FillOptions, "questionnaire">, now: string) {
  return async (dir: string, steps: readonly Step[], opts: Partial<FillOptions> = {}): Promise<Ran> => {
    const prompter = new ScriptedPrompter(steps);
    let out = "";
    const ctx = makeContext({ stdout: { write: (s: string) => (out += s), isTTY: false }, stderr: { write: () => true }, env: { NO_COLOR: "1" }, cwd: dir, now: () => now }, []);
    try {
      const code = await fill({ country: "XX", agency: "health", review: false, ...base, ...opts }, ctx, { prompter });
      return code === 0 ? { out, prompter } : { out, prompter, error: new Error(`exit ${code}`) };
    } catch (error) {
      return { out, prompter, error: error instanceof Error ? error : new Error(String(error)) };
    }
  };
}
