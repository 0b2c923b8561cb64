import { describe, expect, it } from "vitest";
import { cellText, neutralise, unneutralise } from "../../../src/core/workbook/cell.js";

describe("neutralise", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+33 1 23 45 67 89", "'+33 1 23 45 67 89"],
    ["-5", "'-5"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=cmd|' /C calc'!A0", "'\t=cmd|' /C calc'!A0"],
    ['\r\n=HYPERLINK("http://x")', '\'\r\n=HYPERLINK("http://x")'],
    ["  =1", "'  =1"],
    ["＝1+1", "'＝1+1"],
    ["Law 12-2019", "Law 12-2019"],
    ["a\u0000b\u0007c", "abc"],
    ["plain text", "plain text"],
  ])("makes %j safe as %j", (raw, safe) => {
    expect(neutralise(raw)).toBe(safe);
  });

  it.each(["=1+1", "-5", "\t@x", "'quoted'", "don't", "plain"])("is undone by unneutralise for %j", (raw) => {
    expect(unneutralise(neutralise(raw))).toBe(raw);
  });

  it("reads a neutralised text cell back as what was meant", () => {
    expect(cellText({ kind: "text", text: "'=SUM(A1:A3)" })).toBe("=SUM(A1:A3)");
    expect(cellText({ kind: "number", value: 0.07, percent: true })).toBe("7");
    expect(cellText({ kind: "date", iso: "2024-05-15" })).toBe("2024-05-15");
  });
});
