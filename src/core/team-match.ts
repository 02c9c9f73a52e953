// When two members' people are one person, on the team's hub: the strongest
// reasons of the duplicates finder (src/core/duplicates.ts) — the same
// email, the same LinkedIn profile, the same name at the same company. A
// near name is only a hint, and two Marco Rossi without a company may be
// two people: neither joins people across members.
import { companyKey } from './companies.js';
import { emailKey, profileKey } from './import-match.js';
import { nameKey } from './names.js';

export interface MatchablePerson {
  name: string;
  company: string | null;
  emails: readonly string[];
  linkedin: string | null;
}

/** The keys a person shares with any other record of the same person. */
export function teamMatchKeys(person: MatchablePerson): string[] {
  const keys = new Set<string>();
  for (const email of person.emails) {
    const key = emailKey(email);
    if (key !== '') keys.add(`e:${key}`);
  }
  const profile = person.linkedin ? profileKey(person.linkedin) : null;
  if (profile) keys.add(`l:${profile}`);
  const company = companyKey(person.company);
  if (company !== '') keys.add(`n:${nameKey(person.name)}|${company}`);
  return [...keys];
}
