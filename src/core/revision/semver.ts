/** Semantic versions: just enough to order revisions and tell the size of a bump. */

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

export function isSemver(v: string): boolean {
  return SEMVER.test(v);
}

/** [major, minor, patch] and the pre-release tag, or undefined when `v` is not a semantic version. */
export function parseSemver(v: string): { major: number; minor: number; patch: number; pre?: string } | undefined {
  const m = SEMVER.exec(v);
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), ...(m[4] ? { pre: m[4] } : {}) };
}

/** Negative when a < b, positive when a > b, 0 when equal; non-semver sorts first, by text. */
export function compareSemver(a: string, b: string): number {
  const x = parseSemver(a);
  const y = parseSemver(b);
  if (!x || !y) return x ? 1 : y ? -1 : a.localeCompare(b);
  const d = x.major - y.major || x.minor - y.minor || x.patch - y.patch;
  if (d !== 0) return d;
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre.localeCompare(y.pre, "en", { numeric: true });
}
