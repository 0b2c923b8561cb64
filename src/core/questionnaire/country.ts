/** A country named on the command line: its ISO 3166-1 alpha-2 code, or what is wrong with the text. */
export type CountryCheck = { readonly code: string } | { readonly problem: string };

/**
 * The ISO 3166-1 alpha-2 code `text` names (trimmed and upper-cased, so ` fr ` is FR), or the problem.
 * Only the form is checked: user-assigned codes such as XX name a fictional country for exercises.
 */
export function checkCountry(text: string): CountryCheck {
  // The form is checked before upper-casing, which would turn letters such as the ligature ﬀ into FF.
  const trimmed = text.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) return { code: trimmed.toUpperCase() };
  return { problem: `\`${text}\` is not a two-letter ISO 3166-1 code such as FR or KZ (XX for an exercise)` };
}
