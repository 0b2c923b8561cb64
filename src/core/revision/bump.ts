import type { Change, ChangeLevel } from "./change.js";
import { largestLevel, type RevisionDiff } from "./diff.js";
import { error, type Issue } from "../issues.js";
import { compareSemver, parseSemver } from "./semver.js";

/** How a version moved: the part that grew, `none`, `pre-release` (same version, leaving or between pre-releases), or `downgrade`. */
export type Bump = "major" | "minor" | "patch" | "none" | "pre-release" | "downgrade";

/** The bump from `from` to `to`, or undefined when either is not a semantic version. */
export function bumpBetween(from: string, to: string): Bump | undefined {
  const a = parseSemver(from);
  const b = parseSemver(to);
  if (!a || !b) return undefined;
  if (compareSemver(from, to) > 0) return "downgrade";
  if (b.major !== a.major) return "major";
  if (b.minor !== a.minor) return "minor";
  if (b.patch !== a.patch) return "patch";
  return from === to ? "none" : "pre-release";
}

const RANK: Record<ChangeLevel, number> = { patch: 1, minor: 2, breaking: 3 };

/**
 * The largest class of change a bump admits. Before 1.0.0 a minor bump admits breaking changes (the
 * semver convention for initial development); a pre-release step admits anything.
 */
function admitted(bump: Bump, from: string): number {
  const major0 = parseSemver(from)?.major === 0;
  switch (bump) {
    case "major":
    case "pre-release":
      return RANK.breaking;
    case "minor":
      return major0 ? RANK.breaking : RANK.minor;
    case "patch":
      return RANK.patch;
    case "none":
    case "downgrade":
      return 0;
  }
}

/** The smallest version after `from` that admits a change of `level`. */
export function nextVersion(from: string, level: ChangeLevel): string {
  const v = parseSemver(from);
  if (!v) return "?";
  if (level === "breaking" && v.major > 0) return `${v.major + 1}.0.0`;
  if (level === "patch") return `${v.major}.${v.minor}.${v.patch + 1}`;
  return `${v.major}.${v.minor + 1}.0`;
}

export interface BumpCheck {
  readonly bump: Bump | undefined;
  /** The largest class among the changes. */
  readonly required: ChangeLevel | undefined;
  readonly ok: boolean;
  /** The changes the bump does not admit. */
  readonly offending: readonly Change[];
  /** One VERSION_BUMP_TOO_SMALL per offending change (or one at `version` when the versions cannot be compared). */
  readonly issues: readonly Issue[];
}

/** Whether NEW's version number admits every change from OLD: an issue per change it does not admit. */
export function checkBump(diff: RevisionDiff): BumpCheck {
  const from = diff.old.version;
  const to = diff.new.version;
  const bump = bumpBetween(from, to);
  const required = largestLevel(diff.changes);
  if (bump === undefined) {
    return {
      bump,
      required,
      ok: false,
      offending: [],
      issues: [error("VERSION_BUMP_TOO_SMALL", `cannot compare versions ${from} and ${to}: both must be MAJOR.MINOR.PATCH`, ["version"])],
    };
  }
  if (bump === "downgrade") {
    return {
      bump,
      required,
      ok: false,
      offending: [],
      issues: [error("VERSION_BUMP_TOO_SMALL", `version ${to} is older than ${from}; give the revision a version after ${from}, or swap OLD and NEW`, ["version"])],
    };
  }
  const limit = admitted(bump, from);
  const offending = diff.changes.filter((c) => RANK[c.level] > limit);
  const issues = offending.map((c) => error("VERSION_BUMP_TOO_SMALL", bumpMessage(c, from, to, bump), c.path));
  return { bump, required, ok: issues.length === 0, offending, issues };
}

function bumpMessage(c: Change, from: string, to: string, bump: Bump): string {
  const got = bump === "none" ? `the version stayed ${to}` : `${from} → ${to} is only a ${bump} bump`;
  return `${c.subject}: ${c.message}. A ${c.level} change needs version ${nextVersion(from, c.level)} or later; ${got}`;
}
