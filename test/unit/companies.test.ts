// Company names compared without their legal form, case, accents or
// punctuation: the one rule of import matching, add's duplicate check,
// list --company, who --company and net duplicates.
import { describe, expect, it } from 'vitest';
import { companyKey, companyMatches, sameCompany } from '../../src/core/companies.js';

describe('companyKey', () => {
  it.each([
    ['Mediobanca S.p.A.', 'mediobanca'],
    ['Mediobanca SpA', 'mediobanca'],
    ['Mediobanca', 'mediobanca'],
    ['Edison S.p.A.', 'edison'],
    ['Lanterna S.r.l.', 'lanterna'],
    ['Lanterna Srl', 'lanterna'],
    ['Rossi & Figli S.a.s.', 'rossi & figli'],
    ['McKinsey & Company', 'mckinsey'],
    ['McKinsey & Company, Inc.', 'mckinsey'],
    ['Acme Inc', 'acme'],
    ['Acme, LLC', 'acme'],
    ['Globex Ltd.', 'globex'],
    ['Globex Limited', 'globex'],
    ['Siemens AG', 'siemens'],
    ['Zalando SE', 'zalando'],
    ['Zalando', 'zalando'],
    ['Société Générale S.A.', 'societe generale'],
    ['Société Générale SA', 'societe generale'],
    ['Booking.com B.V.', 'bookingcom'],
    ['Philips NV', 'philips'],
    ['Nokia Oy', 'nokia'],
    ['Spotify AB', 'spotify'],
    ['Barclays plc', 'barclays'],
    ['Mercedes-Benz Group AG', 'mercedes benz group'],
    ['Smith & Co', 'smith'],
    ['Self-employed', ''],
    ['Freelance', ''],
    ['Libero professionista', ''],
    ['', ''],
    [null, ''],
    // A legal form alone is a name: nothing else is left of it.
    ['AG', 'ag'],
    // Only at the end: "SA" inside a name stays.
    ['SA Partners', 'sa partners'],
  ])('%s → %s', (company, key) => {
    expect(companyKey(company)).toBe(key);
  });

  it('same company only when both are known', () => {
    expect(sameCompany('Federico Sala & Co', 'federico sala')).toBe(true);
    expect(sameCompany('Mediobanca', 'Mediobanca S.p.A.')).toBe(true);
    expect(sameCompany('Mediobanca', 'Intesa Sanpaolo')).toBe(false);
    expect(sameCompany('Freelance', 'Self-employed')).toBe(false);
    expect(sameCompany(null, null)).toBe(false);
  });

  it('a company matches what was asked for by any part, as companies are compared', () => {
    expect(companyMatches('McKinsey & Company, Inc.', 'mckinsey')).toBe(true);
    expect(companyMatches('Edison S.p.A.', 'edison spa')).toBe(true);
    expect(companyMatches('Satispay', 'sat')).toBe(true);
    expect(companyMatches('Société Générale', 'generale')).toBe(true);
    expect(companyMatches('Satispay', 'nexi')).toBe(false);
    expect(companyMatches('Freelance', 'freelance')).toBe(false);
    expect(companyMatches(null, 'acme')).toBe(false);
  });
});
