import { answerSchema } from "../core/questionnaire/answer-schema.js";
import { openQuestionnaire } from "../io/revisions/bundled.js";
import { EXIT, type Context } from "../context.js";

export interface SchemaOptions {
  readonly questionnaire?: string | undefined;
}

/** Prints the JSON Schema for responses to one revision. */
export function schema(opts: SchemaOptions, ctx: Context): number {
  const loaded = openQuestionnaire(opts.questionnaire, ctx.io.cwd);
  ctx.out(JSON.stringify(answerSchema(loaded.questionnaire, loaded.digest), null, 2));
  return EXIT.ok;
}
