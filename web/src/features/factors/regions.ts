/** Region codes as Carbon takes them: ISO 3166-1 alpha-2, `US-XX` states, `US-XXXX` eGRID subregions. */

export const ANY_REGION = "*";

let countryNames: Intl.DisplayNames | null | undefined;

function countryName(code: string): string | null {
  if (countryNames === undefined) {
    try {
      countryNames = new Intl.DisplayNames(undefined, { type: "region" });
    } catch {
      countryNames = null;
    }
  }
  try {
    const name = countryNames?.of(code);
    return name && name !== code ? name : null;
  } catch {
    return null;
  }
}

/** "GB — United Kingdom", "US-TX — United States, state TX", "US-ERCT — eGRID subregion ERCT". */
export function regionLabel(code: string): string {
  if (code === ANY_REGION) return "Any region (*)";
  const us = /^US-([A-Z0-9]+)$/.exec(code);
  if (us) {
    const part = us[1] as string;
    return part.length === 2 ? `${code} — United States, state ${part}` : `${code} — US eGRID subregion ${part}`;
  }
  const name = /^[A-Z]{2}$/.test(code) ? countryName(code) : null;
  return name ? `${code} — ${name}` : code;
}
