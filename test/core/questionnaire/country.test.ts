import { describe, expect, it } from "vitest";
import { checkCountry } from "../../../src/core/questionnaire/country.js";

describe("checkCountry", () => {
  it.each([
    ["FR", "FR"],
    ["fr", "FR"],
    [" kz\t", "KZ"],
    ["Xx", "XX"],
  ])("reads %j as the code %s", (text, code) => {
    expect(checkCountry(text)).toEqual({ code });
  });

  it.each(["France", "F", "FRA", "", "  ", "F1", "É1", "F R", "12", "\ufb00", "ǅ"])("refuses %j with a problem that names the text", (text) => {
    const checked = checkCountry(text);
    expect(checked).toEqual({ problem: expect.stringContaining("two-letter ISO 3166-1 code") as unknown });
    expect("problem" in checked && checked.problem).toContain(`\`${text}\``);
  });
});
