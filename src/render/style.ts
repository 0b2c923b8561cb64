/** Terminal styling that is either ANSI colour or nothing, decided once by the caller. */
export interface Style {
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly green: (s: string) => string;
  readonly cyan: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export const COLOUR: Style = { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), cyan: wrap(36, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
const same = (s: string) => s;
export const PLAIN: Style = { red: same, yellow: same, green: same, cyan: same, dim: same, bold: same };

/** Removes control characters (escape sequences included) and bidi overrides from untrusted text before it reaches a terminal; a tab becomes a space. */
export function safeForTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => (c === "\t" ? " " : "\uFFFD"));
}
