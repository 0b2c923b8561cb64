/** Semantic versions, by the `semver` package: the specification's ordering, pre-releases included. */
import compare from "semver/functions/compare.js";
import parse from "semver/functions/parse.js";

/** True when `v` is exactly a semantic version: no leading `v`, no surrounding blanks, which `semver` itself forgives. */
export function isSemver(v: string): boolean {
  return parseSemver(v) !== undefined;
}

/** [major, minor, patch] and the pre-release tag, or undefined when `v` is not a semantic version. */
export function parseSemver(v: string): { major: number; minor: number; patch: number; pre?: string } | undefined {
  const p = parse(v);
  if (!p || p.version + (p.build.length > 0 ? `+${p.build.join(".")}` : "") !== v) return undefined;
  return { major: p.major, minor: p.minor, patch: p.patch, ...(p.prerelease.length > 0 ? { pre: p.prerelease.join(".") } : {}) };
}

/** Negative when a < b, positive when a > b, 0 when equal (build metadata ignored); non-semver sorts first, by text. */
export function compareSemver(a: string, b: string): number {
  const x = isSemver(a);
  const y = isSemver(b);
  if (!x || !y) return x ? 1 : y ? -1 : a.localeCompare(b);
  return compare(a, b);
}
