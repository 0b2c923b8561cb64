import { describe, expect, it } from "vitest";
import { bumpBetween, checkBump, nextVersion } from "../../../src/core/revision/bump.js";
import { diffRevisions } from "../../../src/core/revision/diff.js";
import { baseRevision, model, question, revise, take, type RawQ } from "./revision-fixtures.js";

const base = baseRevision();
const t = (en: string) => ({ en, fr: `${en} (fr)` });
const breaking = (r: RawQ) => take(r, "PRR.03");
const minor = (r: RawQ) => (question(r, "DET.03").weight = 3);
const patch = (r: RawQ) => (r.title = t("Demo, reworded"));
const check = (from: string, to: string, change: (r: RawQ) => void) => {
  const old = revise(base, from, () => {});
  return checkBump(diffRevisions(model(old), model(revise(old, to, change))));
};

describe("bumpBetween", () => {
  it.each([
    ["1.0.0", "2.0.0", "major"],
    ["1.0.0", "1.1.0", "minor"],
    ["1.0.0", "1.0.1", "patch"],
    ["1.0.0", "1.0.0", "none"],
    ["2.0.0-rc.1", "2.0.0", "pre-release"],
    ["1.0.0", "2.0.0-rc.1", "major"],
    ["1.1.0", "1.0.9", "downgrade"],
    ["1.0", "2.0.0", undefined],
  ])("calls %s → %s a %s bump", (from, to, bump) => {
    expect(bumpBetween(from, to)).toBe(bump);
  });

  it.each([
    ["1.4.2", "breaking", "2.0.0"],
    ["1.4.2", "minor", "1.5.0"],
    ["1.4.2", "patch", "1.4.3"],
    ["0.3.1", "breaking", "0.4.0"],
  ] as const)("names the smallest version after %s that admits a %s change: %s", (from, level, next) => {
    expect(nextVersion(from, level)).toBe(next);
  });
});

describe("checkBump", () => {
  it.each<[string, string, (r: RawQ) => void]>([
    ["1.0.0", "2.0.0", breaking],
    ["1.0.0", "1.1.0", minor],
    ["1.0.0", "1.0.1", patch],
    ["1.0.0", "2.0.0", patch],
    ["0.3.0", "0.4.0", breaking],
    ["1.0.0", "1.0.0", () => {}],
    ["2.0.0-rc.1", "2.0.0", breaking],
  ])("accepts %s → %s for its changes", (from, to, change) => {
    const c = check(from, to, change);
    expect(c.ok).toBe(true);
    expect(c.issues).toEqual([]);
  });

  it.each<[string, string, (r: RawQ) => void, number]>([
    ["1.0.0", "1.1.0", breaking, 1],
    ["1.0.0", "1.0.1", minor, 1],
    ["1.0.0", "1.0.0", patch, 1],
    ["0.3.0", "0.3.1", breaking, 1],
    ["1.0.0", "1.0.1", (r) => (breaking(r), minor(r), patch(r)), 2],
  ])("refuses %s → %s, one VERSION_BUMP_TOO_SMALL per change it does not admit", (from, to, change, count) => {
    const c = check(from, to, change);
    expect(c.ok).toBe(false);
    expect(c.issues.map((i) => i.code)).toEqual(Array(count).fill("VERSION_BUMP_TOO_SMALL"));
    expect(c.offending).toHaveLength(count);
  });

  it("points each refusal at the change in the new revision", () => {
    const c = check("1.0.0", "1.0.1", minor);
    expect(c.issues[0]?.path).toEqual(["areas", 0, "questions", 2, "weight"]);
    expect(c.issues[0]?.message).toBe("DET.03: weight 2 → 3. A minor change needs version 1.1.0 or later; 1.0.0 → 1.0.1 is only a patch bump");
  });

  it("refuses a version older than the old one, once, at `version`", () => {
    const c = check("1.2.0", "1.1.0", patch);
    expect(c.issues.map((i) => [i.code, i.path])).toEqual([["VERSION_BUMP_TOO_SMALL", ["version"]]]);
  });
});
