import { createHash } from "node:crypto";

/** SHA-256 of a text as `sha256:<hex>`, e.g. a template's fingerprint. */
export const sha256 = (text: string): string => `sha256:${createHash("sha256").update(text).digest("hex")}`;
