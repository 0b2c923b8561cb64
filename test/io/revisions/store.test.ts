import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  findRevision,
  migrateToRevision,
  migrationChain,
  previousRevision,
  revisionAt,
  revisionChain,
  revisionPairs,
  revisionsIn,
  RevisionStore,
} from "../../../src/io/revisions/store.js";
import { loadResponseFile } from "../../../src/io/revisions/load.js";
import { expandPaths } from "../../../src/io/walk.js";
import { fixture, tempDir } from "../../helpers.js";

/** A folder holding the mini questionnaire under each of `versions`, and a file that is no revision. */
function folder(versions: readonly string[]): string {
  const dir = join(tempDir(), "mini");
  mkdirSync(dir);
  const text = readFileSync(fixture("valid", "mini.yaml"), "utf8");
  for (const v of versions) writeFileSync(join(dir, `${v}.yaml`), text.replace("version: 1.2.0", `version: ${v}`));
  writeFileSync(join(dir, "notes.yaml"), "kind: response\n");
  return dir;
}

describe("revisions in a folder", () => {
  const dir = folder(["1.10.0", "1.2.0", "2.0.0-rc.1", "2.0.0", "1.9.1"]);
  const at = (v: string) => revisionAt(join(dir, `${v}.yaml`), new RevisionStore())!;

  it("orders the revisions by semantic version, leaving other files out", () => {
    expect(revisionsIn(dir, new RevisionStore()).map((r) => r.questionnaire.version)).toEqual(["1.2.0", "1.9.1", "1.10.0", "2.0.0-rc.1", "2.0.0"]);
  });

  it("finds the revision just before one, and none before the first", () => {
    expect(previousRevision(at("2.0.0"), new RevisionStore())?.questionnaire.version).toBe("2.0.0-rc.1");
    expect(previousRevision(at("1.10.0"), new RevisionStore())?.questionnaire.version).toBe("1.9.1");
    expect(previousRevision(at("1.2.0"), new RevisionStore())).toBeUndefined();
  });

  it("pairs each revision with its predecessor", () => {
    expect(revisionPairs(expandPaths([dir]).files, new RevisionStore()).map((p) => `${p.old.questionnaire.version}→${p.new.questionnaire.version}`)).toEqual([
      "1.2.0→1.9.1",
      "1.9.1→1.10.0",
      "1.10.0→2.0.0-rc.1",
      "2.0.0-rc.1→2.0.0",
    ]);
  });

  it("pairs revisions only within one folder", () => {
    expect(revisionPairs([fixture("revisions", "good", "mini", "1.3.0.yaml"), fixture("revisions", "bad-bump", "mini", "1.2.0.yaml")], new RevisionStore())).toEqual([]);
  });

  it("chains every revision between a start and a target", () => {
    expect(revisionChain(at("1.9.1"), at("2.0.0"), new RevisionStore()).map((r) => r.questionnaire.version)).toEqual(["1.9.1", "1.10.0", "2.0.0-rc.1", "2.0.0"]);
  });
});

describe("the revisions a response goes through", () => {
  const dir = folder(["1.2.0", "1.3.0", "2.0.0"]);
  const target = revisionAt(join(dir, "2.0.0.yaml"), new RevisionStore())!;

  it("finds the revision a response answers next to the target, then among the bundled ones", () => {
    expect(findRevision("mini", "1.3.0", target, new RevisionStore())?.file).toBe(join(dir, "1.3.0.yaml"));
    expect(findRevision("cbrn-naq", "1.0.0", target, new RevisionStore())?.questionnaire.version).toBe("1.0.0");
    expect(findRevision("mini", "0.9.0", target, new RevisionStore())).toBeUndefined();
  });

  it.each([
    ["1.2.0", ["1.2.0", "1.3.0", "2.0.0"]],
    ["1.3.0", ["1.3.0", "2.0.0"]],
    ["2.0.0", []],
    ["0.9.0", undefined],
  ])("chains a response to mini %s to 2.0.0 through %j", (version, chain) => {
    expect(migrationChain({ id: "mini", version }, target, new RevisionStore())?.map((r) => r.questionnaire.version)).toEqual(chain);
  });

  it("chains a response to the bundled 1.0.0 to the bundled 2.0.0", () => {
    const v2 = revisionAt("questionnaires/cbrn-naq/2.0.0.yaml", new RevisionStore())!;
    expect(migrationChain({ id: "cbrn-naq", version: "1.0.0" }, v2, new RevisionStore())?.map((r) => r.questionnaire.version)).toEqual(["1.0.0", "2.0.0"]);
  });
});

describe("migrateToRevision", () => {
  const v2 = revisionAt("questionnaires/cbrn-naq/2.0.0.yaml", new RevisionStore())!;
  const customs = loadResponseFile("examples/responses/XX-customs-1.0.0.yaml").value!;
  const now = "2025-01-15T08:00:00Z";

  it("carries a response to the bundled 1.0.0 into 2.0.0, reporting the step", () => {
    const m = migrateToRevision(customs, v2, now, new RevisionStore())!;
    expect(m.response.questionnaire.version).toBe("2.0.0");
    expect(m.reports.map((r) => [r.from.version, r.to.version, r.carried, r.unmapped])).toEqual([["1.0.0", "2.0.0", 26, 2]]);
    expect([m.problems, m.blocking]).toEqual([[], []]);
  });

  it("gives back a response that already answers the target as it is", () => {
    const m = migrateToRevision(loadResponseFile("examples/responses/XX-health.yaml").value!, v2, now, new RevisionStore())!;
    expect(m.reports).toEqual([]);
    expect(m.response.questionnaire.version).toBe("2.0.0");
  });

  it("gives nothing when the revision the response answers cannot be found", () => {
    expect(migrateToRevision({ ...customs, questionnaire: { ...customs.questionnaire, version: "0.9.0" } }, v2, now, new RevisionStore())).toBeUndefined();
  });
});

describe("RevisionStore", () => {
  const dir = folder(["1.2.0", "1.3.0"]);
  const store = new RevisionStore(dir);

  it("reads a file once per run, however it is named", () => {
    symlinkSync(join(dir, "1.2.0.yaml"), join(dir, "..", "link.yaml"));
    const first = store.read("1.2.0.yaml");
    expect(first.value?.questionnaire.version).toBe("1.2.0");
    for (const name of ["./1.2.0.yaml", join(dir, "1.2.0.yaml"), "../mini/1.2.0.yaml", "../link.yaml"]) expect(store.read(name)).toBe(first);
  });

  it.each([
    ["a bundled id", "cbrn-naq", "2.0.0"],
    ["a bundled id@version", "cbrn-naq@1.0.0", "1.0.0"],
    ["a path relative to its folder", "1.3.0.yaml", "1.3.0"],
  ])("opens a revision by %s", (_name, ref, version) => {
    expect(store.open(ref).questionnaire.version).toBe(version);
    expect(store.open(ref)).toBe(store.open(ref));
  });

  it("finds the revision a response names among the files given, next to a revision, then bundled", () => {
    const near = store.open("1.3.0.yaml");
    expect(store.answered({ id: "mini", version: "1.2.0" })).toBeUndefined();
    expect(store.answered({ id: "mini", version: "1.2.0" }, near)?.file).toBe(join("1.2.0.yaml"));
    expect(store.answered({ id: "cbrn-naq", version: "1.0.0" })?.questionnaire.version).toBe("1.0.0");
    const given = new RevisionStore(dir);
    const mine = given.open("1.2.0.yaml");
    given.add(mine);
    expect(given.answered({ id: "mini", version: "1.2.0" })).toBe(mine);
  });
});
