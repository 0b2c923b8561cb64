import { describe, expect, it } from "vitest";
import { backupFile } from "../../../src/commands/fill/offer.js";

describe("the backup fill keeps of a response it carries over", () => {
  it.each([
    ["/d/naq-XX-customs.yaml", "1.0.0", "/d/naq-XX-customs.1.0.0.yaml"],
    ["/d/answers.yml", "1.2.0", "/d/answers.1.2.0.yml"],
    ["/d/answers.json", "1.0.0-rc.1", "/d/answers.1.0.0-rc.1.json"],
    ["/d/answers", "1.0.0", "/d/answers.1.0.0.yaml"],
    ["/d/answers.yaml", "../../etc/x", "/d/answers..._.._etc_x.yaml"],
  ])("of %s answering %s is %s", (file, version, expected) => {
    expect(backupFile(file, version)).toBe(expected);
  });
});
