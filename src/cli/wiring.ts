import { InvalidArgumentError, type Command } from "@commander-js/extra-typings";
import type { Context } from "../context.js";

/** What each command's wiring receives: the program to add to, the run's context, and where the exit code goes. */
export interface Wiring {
  readonly program: Command;
  readonly ctx: Context;
  readonly setCode: (code: number) => void;
}

/** The "Examples:" block of a command's help. */
export const examples = (...lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`;

/** Parses `--target`: a level from 1 to 5. */
export function parseTarget(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 5) throw new InvalidArgumentError(`the target is a level from 1 to 5, not \`${value}\``);
  return n;
}

/** Collects a repeatable option's values in order. */
export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];
