import { screen } from "@inquirer/testing/vitest";
import { describe, expect, it } from "vitest";
import { FillSession } from "../../../src/commands/fill/session.js";
import { newResponse } from "../../../src/core/fill/walk.js";
import type { Response } from "../../../src/core/questionnaire/model.js";
import { CancelledError } from "../../../src/errors.js";
import { inquirerPrompter } from "../../../src/io/prompter/inquirer.js";
import { loadQuestionnaireFile } from "../../../src/io/revisions/load.js";
import { Texts } from "../../../src/commands/fill/lines.js";
import { fillWords } from "../../../src/commands/fill/words.js";
import { PLAIN } from "../../../src/render/style.js";
import { fixture } from "../../helpers.js";

describe("inquirerPrompter", () => {
  it("selects with the arrow keys and shows the highlighted choice's description", async () => {
    const answer = inquirerPrompter({ plain: true }).select<number | string>({
      key: "value:X",
      message: "How developed?",
      choices: [
        { value: 1, name: "1 · None", description: "Not in place." },
        { value: 2, name: "2 · Limited", description: "Partly in place." },
        { separator: "──────" },
        { value: "dont-know", name: "Don't know" },
      ],
    });
    expect(screen.getScreen()).toContain("? How developed?");
    expect(screen.getScreen()).toContain("Not in place.");
    screen.keypress("down");
    expect(screen.getScreen()).toContain("Partly in place.");
    screen.keypress("down");
    screen.keypress("enter");
    await expect(answer).resolves.toBe("dont-know");
  });

  it("starts on the default choice", async () => {
    const answer = inquirerPrompter({ plain: true }).select({
      key: "k",
      message: "Pick",
      choices: [
        { value: "a", name: "A" },
        { value: "b", name: "B" },
      ],
      default: "b",
    });
    screen.keypress("enter");
    await expect(answer).resolves.toBe("b");
  });

  it("words the key hints in the session language", async () => {
    const answer = inquirerPrompter({ plain: true, keys: fillWords("fr").keys }).select({ key: "k", message: "Choisir", choices: [{ value: "a", name: "A" }] });
    expect(screen.getScreen()).toContain("↑↓ naviguer • ⏎ choisir");
    screen.keypress("enter");
    await answer;
  });

  it("ticks options with the space bar", async () => {
    const answer = inquirerPrompter({ plain: true }).checkbox({
      key: "k",
      message: "Which plans exist?",
      choices: [
        { value: "national", name: "National plan" },
        { value: "regional", name: "Regional plans", checked: true },
      ],
    });
    screen.keypress("space");
    screen.keypress("enter");
    await expect(answer).resolves.toEqual(["national", "regional"]);
  });

  it("refuses a typed entry with the validator's message and takes the corrected one", async () => {
    const answer = inquirerPrompter({ plain: true }).input({ key: "k", message: "How many stations?", validate: (t) => (/^\d*$/.test(t) ? undefined : "Type a number") });
    screen.type("twelve");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Type a number");
    for (let i = 0; i < 6; i++) screen.keypress("backspace");
    screen.type("12");
    screen.keypress("enter");
    await expect(answer).resolves.toBe("12");
  });

  it("puts the current text in the field, ready to edit", async () => {
    const answer = inquirerPrompter({ plain: true }).input({ key: "k", message: "Comment", initial: "old" });
    screen.type(" note");
    screen.keypress("enter");
    await expect(answer).resolves.toBe("old note");
  });

  it.each<[string, boolean, string[], boolean]>([
    ["takes Enter as the default answer", true, [], true],
    ["takes n for no", true, ["n"], false],
    ["takes y for yes when the default is no", false, ["y"], true],
  ])("asks a yes-or-no question: %s", async (_name, byDefault, typed, expected) => {
    const answer = inquirerPrompter({ plain: true }).confirm({ key: "carry-over", message: "Carry the answers over?", default: byDefault });
    expect(screen.getScreen()).toContain(`? Carry the answers over? ${byDefault ? "(Y/n)" : "(y/N)"}`);
    for (const t of typed) screen.type(t);
    screen.keypress("enter");
    await expect(answer).resolves.toBe(expected);
  });

  it("turns Ctrl-C into CancelledError", async () => {
    const answer = inquirerPrompter({ plain: true }).input({ key: "k", message: "Comment" });
    screen.keypress({ name: "c", ctrl: true });
    await expect(answer).rejects.toBeInstanceOf(CancelledError);
  });

  it("turns an abort (a SIGINT between two prompts) into CancelledError", async () => {
    const interrupt = new AbortController();
    const answer = inquirerPrompter({ plain: true, signal: interrupt.signal }).input({ key: "k", message: "Comment" });
    interrupt.abort();
    await expect(answer).rejects.toBeInstanceOf(CancelledError);
  });
});

describe("a fill session through the real prompts", () => {
  const loaded = loadQuestionnaireFile(fixture("fill", "small.yaml")).value!;
  const q = loaded.questionnaire;

  it("answers with keystrokes, saves after each answer and finishes in the review", async () => {
    const saved: Response[] = [];
    const printed: string[] = [];
    const start = newResponse(q, loaded.digest, { country: "XX", agency: "health", language: "fr" }, "2024-06-01T10:00:00.000Z");
    const session = new FillSession(q, new Texts(q, "fr", fillWords("fr")), { agency: "health", area: "DET" }, start, {
      prompter: inquirerPrompter({ plain: true, keys: fillWords("fr").keys }),
      print: (l = "") => printed.push(l),
      style: PLAIN,
      save: (r) => saved.push(r),
      now: () => "2024-06-01T10:00:00.000Z",
    });
    const done = session.run();

    expect(screen.getScreen()).toContain("? Existe-t-il un réseau de surveillance radiologique ?");
    expect(screen.getScreen()).toContain("Oui");
    screen.keypress("enter"); // Oui
    await screen.next();
    expect(screen.getScreen()).toContain("Commentaire");
    screen.type("réseau national");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Combien de stations compte-t-il ? (stations, 0–500)");
    screen.type("900");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("La plus grande réponse admise est 500");
    for (let i = 0; i < 3; i++) screen.keypress("backspace");
    screen.type("12");
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter"); // no comment
    await screen.next();
    expect(screen.getScreen()).toContain("Quel est le niveau de la surveillance en laboratoire ?");
    screen.keypress("down");
    screen.keypress("down");
    expect(screen.getScreen()).toContain("En place, non testée.");
    screen.keypress("enter"); // 3 · Développée
    await screen.next();
    screen.keypress("enter"); // no comment
    await screen.next();
    expect(screen.getScreen()).toContain("Justificatif");
    screen.type("Décret 12/2020");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Relecture");
    expect(screen.getScreen()).toContain("DET.03   Quel est le niveau de la surveillance en laboratoire ?  → 3 · Développée");
    screen.keypress("enter"); // Terminé
    const final = await done;

    expect(final.answers).toEqual({ "DET.01": { value: "yes", comment: "réseau national" }, "DET.02": { value: 12 }, "DET.03": { value: 3, evidence: "Décret 12/2020" } });
    expect(saved.map((r) => Object.keys(r.answers).length)).toEqual([1, 1, 2, 3, 3]);
    expect(printed).toContain("DET.02 · question 2 sur 3 dans ce domaine · 2 sur 6 au total");
  });
});
