// Hostile text that agencies could put in their answers, comments, evidence and names, on purpose or not.

/** Every string here is valid UTF-8 text that a response file may hold; each must come out of every output inert. */
export const HOSTILE: readonly (readonly [name: string, text: string])[] = [
  ["a script element", `<script>window.__pwned = 1</script>`],
  ["an image with onerror", `<img src=x onerror="window.__pwned = 2; alert(1)">`],
  ["an attribute break-out", `"><svg onload="window.__pwned = 3"><a href="javascript:alert(1)">x</a>`],
  ["closing tags", `</td></table></style></title></textarea><script>window.__pwned = 4</script>`],
  ["a formula", `=HYPERLINK("http://evil.example/","click me")`],
  ["a sum", `=1+1`],
  ["a plus start", `+cmd|' /C calc'!A0`],
  ["a minus start", `-2+3`],
  ["an at start", `@SUM(1+1)`],
  ["a full-width equals", `＝1+1`],
  ["a leading tab", `\t=1+1`],
  ["a leading carriage return", `\r=2+2`],
  ["a line break and table syntax", `first line\r\n| a | b |\n|---|---|\n# heading`],
  ["pipes", `a | b || c \\| d \\`],
  ["Markdown links and emphasis", `[click](http://evil.example/) ![x](http://evil.example/x.png) **bold** _it_ \`code\` <http://evil.example/>`],
  ["a right-to-left override", `\u202Egnp.exe\u202C harmless`],
  ["bidi isolates and embeddings", `\u2066iso\u2069 \u202Aemb\u202B \u202Dover\u202C`],
  ["ANSI colour and an OSC title", `\u001b[31mred\u001b[0m \u001b]0;owned\u0007 \u001b[2J`],
  ["C1 controls", `\u009b31m csi \u0085 nel \u009d osc`],
  ["backspaces and a bell", `ok\u0008\u0008\u0008no \u0007`],
  ["emoji", `🧪☢️👩🏽‍🔬 🇪🇺`],
  ["Arabic", `وزارة الصحة — مختبر مرجعي`],
  ["Cyrillic", `Министерство здравоохранения — лаборатория`],
  ["a long text", `<b>long</b> | =1 `.repeat(1_000)],
];

/** Characters that must never reach a terminal from user text: C0 (but line feed), DEL, C1, bidi controls. */
// eslint-disable-next-line no-control-regex
export const TERMINAL_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** How a spreadsheet cell may start only when it has been neutralised with a leading apostrophe. */
// eslint-disable-next-line no-control-regex
export const FORMULA_START = /^[\s\u0000-\u001f]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;
