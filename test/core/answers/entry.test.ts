import { describe, expect, it } from "vitest";
import { parseDateEntry, parseNumberEntry, parseTextEntry } from "../../../src/core/answers/entry.js";

describe("parseNumberEntry", () => {
  const bounded = { min: 0, max: 5000 };
  it.each<[string, number]>([
    ["12", 12],
    [" 12 ", 12],
    ["3.5", 3.5],
    ["3,5", 3.5],
    ["1 000", 1000],
    ["1\u00a0000", 1000],
    ["+7", 7],
    ["0", 0],
    ["5000", 5000],
  ])("reads `%s` as %d", (text, value) => {
    expect(parseNumberEntry(text, bounded)).toEqual({ ok: true, value });
  });

  it.each<[string, string]>([
    ["abc", "not-a-number"],
    ["12abc", "not-a-number"],
    ["1,000.5", "not-a-number"],
    ["1e3", "not-a-number"],
    ["", "not-a-number"],
    ["-1", "below-min"],
    ["5001", "above-max"],
  ])("refuses `%s` as %s", (text, kind) => {
    const entry = parseNumberEntry(text, bounded);
    expect(entry.ok).toBe(false);
    expect(!entry.ok && entry.problem.kind).toBe(kind);
  });

  it("names the limit that was crossed", () => {
    expect(parseNumberEntry("6000", bounded)).toEqual({ ok: false, problem: { kind: "above-max", limit: 5000 } });
  });

  it("accepts any number when the question sets no bounds", () => {
    expect(parseNumberEntry("-40", {})).toEqual({ ok: true, value: -40 });
  });
});

describe("parseDateEntry", () => {
  it.each(["2024-05-15", "2024-02-29", " 2000-01-01 "])("accepts %s", (text) => {
    expect(parseDateEntry(text)).toEqual({ ok: true, value: text.trim() });
  });
  it.each(["2023-02-29", "2024-13-01", "15/05/2024", "2024-5-15", "yesterday", ""])("refuses %s", (text) => {
    expect(parseDateEntry(text)).toEqual({ ok: false, problem: { kind: "not-a-date" } });
  });
});

describe("parseTextEntry", () => {
  it("trims a text answer", () => {
    expect(parseTextEntry("  the lab  ")).toEqual({ ok: true, value: "the lab" });
  });
  it("refuses blanks", () => {
    expect(parseTextEntry("   ")).toEqual({ ok: false, problem: { kind: "empty" } });
  });
});
