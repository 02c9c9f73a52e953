// Company names compared as people mean them: "Mediobanca S.p.A." is
// Mediobanca, "McKinsey & Company, Inc." is McKinsey, "Zalando SE" is
// Zalando; case, accents and punctuation aside; "Self-employed" is no
// company at all. One rule for import matching, `net add`'s duplicate check,
// `list --company`, `who --company` and `net duplicates`.
import { nameKey } from './names.js';

/** Legal forms, as tokens once dots are gone ("S.p.A." → "spa"). */
const LEGAL_FORMS = new Set([
  'spa', 'srl', 'srls', 'sas', 'snc', 'sapa', 'scarl', 'inc', 'incorporated', 'llc', 'llp', 'ltd', 'limited', 'gmbh', 'ag', 'kg',
  'se', 'sa', 'sarl', 'sas', 'bv', 'nv', 'oy', 'oyj', 'ab', 'as', 'asa', 'plc', 'corp', 'corporation', 'pty', 'kk',
]);

/** What people write when they work for no company. */
const NO_COMPANY = new Set(['self employed', 'selfemployed', 'freelance', 'freelancer', 'libero professionista', 'independent', 'autonomo', 'none', 'n a']);

/** The tokens of a company name: lower case, no accents, dots dropped inside abbreviations, other punctuation as spaces. */
function tokens(company: string): string[] {
  return nameKey(company)
    .replace(/\./g, '')
    .replace(/&/g, ' & ')
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** "Mediobanca S.p.A." → "mediobanca"; "" for no company. */
export function companyKey(company: string | null | undefined): string {
  if (!company) return '';
  const words = tokens(company);
  if (NO_COMPANY.has(words.join(' '))) return '';
  // Trailing legal forms and "& Co" / "& Company", in any order, as long as a name is left.
  for (;;) {
    const last = words[words.length - 1];
    if (words.length > 1 && LEGAL_FORMS.has(last)) words.pop();
    else if (words.length > 2 && (last === 'co' || last === 'company') && words[words.length - 2] === '&') words.splice(-2, 2);
    else break;
  }
  return words.join(' ');
}

/** Whether two companies are the same one; false when either is unknown. */
export function sameCompany(a: string | null | undefined, b: string | null | undefined): boolean {
  const key = companyKey(a);
  return key !== '' && key === companyKey(b);
}

/** Whether `company` contains what was asked for (`list --company`, `who --company`), as companies are compared. */
export function companyMatches(company: string | null | undefined, wanted: string): boolean {
  const want = companyKey(wanted) || tokens(wanted).join(' ');
  if (want === '') return false;
  const key = companyKey(company);
  return key !== '' && key.includes(want);
}
