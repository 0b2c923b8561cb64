import { describe, expect, it } from "vitest";
import { compareSemver, isSemver, parseSemver } from "../../../src/core/revision/semver.js";

// semver.org, item 11: precedence, each version lower than the next.
const SPEC_ORDER = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1"];
const neighbours = SPEC_ORDER.slice(1).map((higher, i) => [SPEC_ORDER[i] as string, higher]);

describe("compareSemver", () => {
  it.each(neighbours)("orders %s before %s, as the specification does", (lower, higher) => {
    expect(compareSemver(lower, higher)).toBeLessThan(0);
    expect(compareSemver(higher, lower)).toBeGreaterThan(0);
  });

  it.each([
    ["1.0.0-A", "1.0.0-a", "alphanumeric identifiers compare in ASCII order, upper case first"],
    ["1.0.0-10", "1.0.0-9a", "a numeric identifier is lower than an alphanumeric one"],
    ["1.0.0-9", "1.0.0-10", "numeric identifiers compare as numbers"],
    ["1.0.0-a10", "1.0.0-a9", "digits inside an alphanumeric identifier compare as text"],
    ["1.0.0-alpha.9", "1.0.0-alpha.10", "each dot-separated identifier compares on its own"],
    ["1.0", "1.0.0", "a non-semantic version sorts first"],
  ])("orders %s before %s: %s", (lower, higher) => {
    expect(compareSemver(lower, higher)).toBeLessThan(0);
    expect(compareSemver(higher, lower)).toBeGreaterThan(0);
  });

  it.each([
    ["1.0.0+build.1", "1.0.0+build.2"],
    ["1.0.0-rc.1", "1.0.0-rc.1+exp.sha.5114f85"],
    ["2.0.0", "2.0.0"],
  ])("treats %s and %s as equal: build metadata does not count", (a, b) => {
    expect(compareSemver(a, b)).toBe(0);
  });

  it("sorts the specification's list, shuffled, back into its order", () => {
    const shuffled = [...SPEC_ORDER].reverse().sort((a, b) => a.length - b.length);
    expect(shuffled.sort(compareSemver)).toEqual(SPEC_ORDER);
  });
});

describe("isSemver", () => {
  it.each(["0.0.0", "1.2.3", "1.0.0-alpha.1", "1.0.0-0.3.7", "1.0.0-x-y-z.--", "1.0.0+20130313144700", "1.0.0-beta+exp.sha.5114f85"])("accepts %s", (v) => {
    expect(isSemver(v)).toBe(true);
  });

  it.each(["1.0", "v1.0.0", " 1.0.0", "1.0.0 ", "01.0.0", "1.0.0-01", "1.0.0-", "1.0.0-alpha..1", "1.0.0+", "latest"])("refuses %j", (v) => {
    expect(isSemver(v)).toBe(false);
  });
});

describe("parseSemver", () => {
  it.each([
    ["2.10.3", { major: 2, minor: 10, patch: 3 }],
    ["1.0.0-rc.1+build.7", { major: 1, minor: 0, patch: 0, pre: "rc.1" }],
    ["v1.0.0", undefined],
  ])("reads %s as %j", (v, parsed) => {
    expect(parseSemver(v)).toEqual(parsed);
  });
});
