// The people of the demo network: who they are, how the relationship goes,
// and the moments that put them on today's list. Days are counted back from
// "today" (`ago`) or forward (`in`), so the demo is always current.
import type { Channel, Circle, Direction } from './vocabulary.js';

export interface Moment {
  ago: number;
  via: Channel;
  /** Default: `out` for written channels, `mutual` for the others. */
  dir?: Direction;
  note: string;
  /** Other people who were there (by name). */
  with?: string[];
  gave?: string;
  got?: string;
  followUp?: FollowUpPlan;
}

export interface FollowUpPlan {
  text: string;
  dueIn?: number;
  dueAgo?: number;
  doneAgo?: number;
}

export interface OutreachPlan {
  why: string;
  /** The introducer, by name. */
  via?: string;
  channel: Channel;
  addedAgo: number;
  /** The next step, in days from today; default: what the stage calls for. */
  nextIn?: number;
  steps?: Array<{ to: string; ago: number; note?: string }>;
  /** Days ago of each nudge. */
  nudges?: number[];
}

export interface Persona {
  name: string;
  circle: Circle;
  company?: string;
  role?: string;
  location?: string;
  channel?: Channel;
  interests?: string[];
  tags?: string[];
  howMet?: string;
  metOn?: string;
  metAgo?: number;
  /** A date, `--MM-DD`, or a birthday that falls `in` days from today. */
  birthday?: string | { in: number; year: number };
  /** Typical days between two contacts: the background rhythm of the relationship. */
  gap?: number;
  /** Days since the newest background contact. */
  lastAgo?: number;
  /** Own rhythm in days, instead of the circle's. */
  every?: number;
  phone?: string;
  notes?: string;
  moments?: Moment[];
  followUps?: FollowUpPlan[];
  snoozeFor?: number;
  archivedAgo?: number;
  outreach?: OutreachPlan;
}


export const DEMO_PEOPLE: readonly Persona[] = [
  // inner: the few closest, every two weeks
  {
    name: 'Giulia Rossi', circle: 'inner', company: 'Pagaora', role: 'CTO', location: 'Milano', channel: 'message',
    interests: ['AI', 'fintech', 'climbing'], tags: ['mentor', 'fintech'], howMet: 'Politecnico di Milano, same lab', metOn: '2012-10-01',
    birthday: '1987-06-02', gap: 12, lastAgo: 5, phone: '+39 340 555 0101',
    notes: 'Knows everyone in Milan fintech. Ask her before any intro there.',
    moments: [
      { ago: 201, via: 'coffee', note: 'she offered to introduce me to Lorenzo at Vela Ventures', got: 'introduction to Lorenzo Bruno' },
      { ago: 88, via: 'call', note: 'her team is hiring two backend engineers', gave: 'referred Łukasz Kowalski for the backend role' },
      { ago: 19, via: 'meal', note: 'cena con Martina: the Pagaora card launch went well', with: ['Martina Costa'] },
    ],
    followUps: [{ text: 'send her the article on agentic payments', dueAgo: 60, doneAgo: 61 }],
  },
  {
    name: 'Niccolò Ferri', circle: 'inner', company: 'Studio Ferri', role: 'Founder', location: 'Torino', channel: 'call',
    interests: ['design systems', 'cycling'], tags: ['design'], howMet: 'Erasmus in Lyon', metOn: '2010-02-15', birthday: '--09-14',
    gap: 13, lastAgo: 17, notes: 'Prefers calls after 18:00. Two kids, Leo and Bea.',
    moments: [{ ago: 150, via: 'call', note: 'asked for an intro to a typographer', got: 'feedback on my portfolio', gave: 'introduction to Françoise Dubois' }],
  },
  {
    name: 'Chiara Esposito', circle: 'inner', company: 'Lanterna Labs', role: 'Head of Product', location: 'Milano', channel: 'coffee',
    interests: ['product discovery', 'AI'], tags: ['product'], howMet: 'former colleague at Bottega Dati', metOn: '2016-04-11',
    birthday: '1990-01-28', gap: 13, lastAgo: 9,
    moments: [
      { ago: 3, via: 'coffee', note: 'she is rethinking pricing for the Lanterna API; I promised her our pricing deck', followUp: { text: 'send Chiara the pricing deck', dueIn: 0 } },
      { ago: 44, via: 'meeting', note: 'roadmap review with the Lanterna team', with: ['Sara Moretti'] },
    ],
  },
  {
    name: 'Lorenzo Bruno', circle: 'inner', company: 'Vela Ventures', role: 'Partner', location: 'Milano', channel: 'email',
    interests: ['climate tech', 'sailing', 'fintech'], tags: ['investor'], howMet: 'introduced by Giulia Rossi', metAgo: 198, gap: 15, lastAgo: 12,
    moments: [{ ago: 6, via: 'email', dir: 'in', note: 'asked for my honest feedback on a climate-tech pitch deck before Friday' }],
  },
  {
    name: 'Anna Meyer', circle: 'inner', company: 'Nordwind GmbH', role: 'VP Engineering', location: 'Berlin', channel: 'video', every: 21,
    interests: ['leadership', 'running'], tags: ['mentor'], howMet: 'my first manager, at Nordwind', metOn: '2014-09-01',
    birthday: { in: 2, year: 1979 }, gap: 20, lastAgo: 24,
    moments: [{ ago: 120, via: 'video', note: 'mentoring session: how to run a calibration round', got: 'advice on managing managers' }],
  },

  // close: trusted, about monthly
  {
    name: 'Françoise Dubois', circle: 'close', company: 'Atelier Lumen', role: 'Product Designer', location: 'Paris', channel: 'email',
    interests: ['typography', 'UX research'], tags: ['design'], howMet: 'Web Summit 2022, Lisbon', metOn: '2022-11-02', gap: 28, lastAgo: 12,
  },
  {
    name: 'Sofia Ricci', circle: 'close', company: 'Orbita AI', role: 'Data Scientist', location: 'Bologna', channel: 'message',
    interests: ['NLP', 'AI', 'volleyball'], howMet: 'PyCon Italia 2019', metOn: '2019-05-03', birthday: '1992-12-03', gap: 25, lastAgo: 41,
  },
  {
    name: 'Andrea Colombo', circle: 'close', company: 'Cassa Verde', role: 'CFO', location: 'Bergamo', channel: 'call',
    interests: ['fintech', 'mountain running'], howMet: 'MBA classmate', metOn: '2015-09-20', gap: 30, lastAgo: 20,
    followUps: [{ text: 'share the board template', dueAgo: 150, doneAgo: 148 }],
  },
  {
    name: 'Federica Marino', circle: 'close', company: 'Studio Legale Marino', role: 'Partner', location: 'Milano', channel: 'message',
    interests: ['privacy law'], tags: ['legal'], howMet: 'she reviewed our first contracts', metOn: '2018-03-12', gap: 30, lastAgo: 52,
    snoozeFor: 12, notes: 'On parental leave: write again after the snooze, with congratulations.',
  },
  {
    name: 'Matteo Greco', circle: 'close', company: 'Bottega Dati', role: 'Engineering Manager', location: 'Milano', channel: 'coffee',
    interests: ['data platforms', 'jazz'], howMet: 'former colleague at Bottega Dati', metOn: '2016-04-11', gap: 27, lastAgo: 8,
    moments: [
      { ago: 230, via: 'call', note: 'he recommended me for the Bottega Dati contract', got: 'referral for the Bottega Dati contract' },
      { ago: 140, via: 'coffee', note: 'advice on pricing a fixed-scope project', got: 'advice on pricing' },
      { ago: 8, via: 'coffee', note: 'shared two candidates for my team', got: 'two candidate referrals' },
    ],
  },
  {
    name: 'Elena Conti', circle: 'close', company: 'Radar Tech', role: 'Journalist', location: 'Roma', channel: 'email',
    interests: ['startups', 'media'], howMet: 'she interviewed me for Radar Tech', metOn: '2021-06-08', gap: 35, lastAgo: 27,
  },
  {
    name: 'Davide De Luca', circle: 'close', company: 'Helix Bio', role: 'CTO', location: 'Napoli', channel: 'call',
    interests: ['bioinformatics', 'AI'], howMet: 'speaker dinner at Codemotion', metOn: '2020-10-22', gap: 30, lastAgo: 40,
    moments: [{ ago: 10, via: 'call', note: 'he needs an NLP person for a protein-text project', followUp: { text: 'introduce Davide to Sofia Ricci', dueAgo: 3 } }],
  },
  {
    name: 'Zoë Martin', circle: 'close', company: 'Fernway', role: 'UX Researcher', location: 'London', channel: 'linkedin',
    interests: ['UX research', 'accessibility'], howMet: 'UX London 2023', metOn: '2023-06-14', gap: 32, lastAgo: 26,
    moments: [{ ago: 2, via: 'linkedin', dir: 'in', note: 'asked whether I would speak at their accessibility meetup in May' }],
  },
  {
    name: 'José Álvarez', circle: 'close', company: 'Rumbo', role: 'Founder', location: 'Madrid', channel: 'video',
    interests: ['marketplaces', 'football'], howMet: 'accelerator batch in Madrid', metOn: '2019-02-01', birthday: '1985-04-21', gap: 30, lastAgo: 18,
  },
  {
    name: 'Francesca Gallo', circle: 'close', company: 'Adriatica Energia', role: 'HR Director', location: 'Ancona', channel: 'call',
    interests: ['people analytics', 'sailing'], howMet: 'panel at HR Tech Milano', metOn: '2020-02-20', birthday: { in: 10, year: 1983 }, gap: 30, lastAgo: 29,
  },
  {
    name: 'Jürgen Schäfer', circle: 'close', company: 'Nordwind GmbH', role: 'Principal Engineer', location: 'München', channel: 'email',
    interests: ['distributed systems', 'hiking'], howMet: 'colleague at Nordwind', metOn: '2014-09-01', gap: 35, lastAgo: 14,
    moments: [{ ago: 70, via: 'video', note: 'Nordwind wants to open an office in Milan', gave: 'advice on hiring in Italy' }],
  },
  {
    name: 'Martina Costa', circle: 'close', company: 'Pagaora', role: 'Product Manager', location: 'Milano', channel: 'message',
    interests: ['fintech', 'product discovery'], howMet: 'met through Giulia Rossi', metOn: '2021-09-15', gap: 28, lastAgo: 40,
  },
  {
    name: 'Alessandro Mancini', circle: 'close', company: 'Quadrato Design', role: 'Sales Director', location: 'Firenze', channel: 'call',
    interests: ['design', 'wine'], howMet: 'client project in 2020', metOn: '2020-05-05', gap: 30, lastAgo: 31,
  },

  // active: current work and projects, every two months
  {
    name: 'Luca Fontana', circle: 'active', company: 'Kodo Cloud', role: 'Developer Advocate', location: 'Milano', channel: 'social',
    interests: ['AI', 'developer tools'], howMet: 'Milano AI Meetup', metOn: '2023-01-19', gap: 50, lastAgo: 22,
  },
  {
    name: 'Sara Moretti', circle: 'active', company: 'Lanterna Labs', role: 'UX Lead', location: 'Milano', channel: 'email',
    interests: ['design', 'UX research'], howMet: 'through Chiara Esposito', metOn: '2022-03-03', gap: 45, lastAgo: 30,
  },
  {
    name: 'Valentina Lombardi', circle: 'active', company: 'Milano AI Meetup', role: 'Organiser', location: 'Milano', channel: 'email',
    interests: ['AI', 'community building'], tags: ['events'], howMet: 'Milano AI Meetup', metOn: '2023-01-19', gap: 40, lastAgo: 24,
    moments: [
      { ago: 14, via: 'event', note: 'AI meetup: talk on retrieval evaluation, pizza after', with: ['Luca Fontana', 'Tommaso Rinaldi', 'Laila Haddad'],
        followUp: { text: 'send Valentina a talk proposal for the May meetup', dueIn: 12 } },
    ],
  },
  {
    name: 'Tommaso Rinaldi', circle: 'active', company: 'Politecnico di Milano', role: 'PhD researcher', location: 'Milano', channel: 'email',
    interests: ['robotics', 'AI'], howMet: 'guest lecture at Politecnico', metOn: '2024-11-12', gap: 60, lastAgo: 48,
  },
  {
    name: 'Beatrice Caruso', circle: 'active', company: 'Scala Foods', role: 'Marketing Manager', location: 'Parma', channel: 'call',
    interests: ['brand', 'food'], howMet: 'workshop on pricing', metOn: '2022-10-10', gap: 55, lastAgo: 66,
  },
  {
    name: 'Pietro Ferrara', circle: 'active', company: 'Studio Ferrara', role: 'Commercialista', location: 'Milano', channel: 'email',
    interests: ['tax'], tags: ['advisor'], howMet: 'recommended by Andrea Colombo', metOn: '2019-01-15', gap: 60, lastAgo: 35,
    moments: [{ ago: 120, via: 'call', note: 'sorted out the VAT registration in one call', got: 'help with the VAT registration' }],
    followUps: [{ text: 'send Pietro the Q1 invoices', dueIn: 4 }, { text: 'send the 2025 receipts', dueAgo: 40, doneAgo: 37 }],
  },
  {
    name: 'Priya Raman', circle: 'active', company: 'Fernway', role: 'Staff Engineer', location: 'London', channel: 'email',
    interests: ['distributed systems', 'mentoring'], howMet: 'QCon London', metOn: '2023-04-05', gap: 45, lastAgo: 30,
    moments: [{ ago: 9, via: 'email', dir: 'in', note: 'asked if I know a good Italian tax advisor for contractors' }],
  },
  {
    name: 'Søren Nielsen', circle: 'active', company: 'Vindkraft Data', role: 'Founder', location: 'København', channel: 'video',
    interests: ['climate tech', 'energy data'], howMet: 'introduced by Lorenzo Bruno', metAgo: 160, gap: 50, lastAgo: 40,
  },
  {
    name: 'Mei Lin', circle: 'active', company: 'Jade Harbour Capital', role: 'Investor', location: 'Singapore', channel: 'video',
    interests: ['fintech', 'marketplaces'], tags: ['investor'], howMet: 'Slush 2023', metOn: '2023-11-30', gap: 60, lastAgo: 52,
  },
  {
    name: 'Łukasz Kowalski', circle: 'active', role: 'Backend Lead (freelance)', location: 'Warszawa', channel: 'message',
    interests: ['Rust', 'distributed systems'], howMet: 'worked together on the Bottega Dati migration', metOn: '2021-01-10', gap: 45, lastAgo: 25,
  },
  {
    name: 'Inês Carvalho', circle: 'active', company: 'Onda', role: 'Community Manager', location: 'Lisboa', channel: 'social',
    interests: ['community building', 'surfing'], howMet: 'Web Summit 2022, Lisbon', metOn: '2022-11-03', gap: 55, lastAgo: 12,
    followUps: [{ text: 'share the meetup checklist', dueAgo: 100, doneAgo: 97 }],
  },
  {
    name: 'Émile Laurent', circle: 'active', company: 'Maison Émile', role: 'Chef and founder', location: 'Lyon', channel: 'message',
    interests: ['food', 'marketplaces'], howMet: 'Erasmus in Lyon', metOn: '2010-02-15', gap: 60, lastAgo: 45,
  },
  {
    name: 'Ilaria Santoro', circle: 'active', company: 'Assicura Digitale', role: 'Product Owner', location: 'Milano', channel: 'coffee',
    interests: ['insurtech', 'product discovery'], howMet: 'Product Management Day', metOn: '2023-10-05', gap: 50, lastAgo: 20,
  },
  {
    name: 'Rebecca Fiore', circle: 'active', company: 'Talentia', role: 'Tech Recruiter', location: 'Milano', channel: 'linkedin',
    interests: ['hiring'], howMet: 'she placed Matteo Greco at Bottega Dati', metOn: '2021-05-17', gap: 40, lastAgo: 10,
    moments: [
      { ago: 60, via: 'call', note: 'she shared two freelance leads in Turin', got: 'two freelance leads' },
      { ago: 32, via: 'linkedin', note: 'I sent her a senior designer who is looking', gave: 'referred a senior designer' },
    ],
  },
  {
    name: 'Edoardo Sala', circle: 'active', company: 'Tessiture Comasche', role: 'CEO', location: 'Como', channel: 'meal', every: 90,
    interests: ['manufacturing', 'family business'], howMet: 'client: the e-commerce project', metOn: '2022-01-18', gap: 70, lastAgo: 57,
    notes:
      'Third generation at the family mill on the lake. Wants to digitise orders from 140 small shops without losing the personal touch his father built; cautious about consultants after a failed ERP project in 2019, so start with something small and measurable.',
  },
  {
    name: 'Kwame Mensah', circle: 'active', company: 'Sika Pay', role: 'Founder', location: 'London', channel: 'video',
    interests: ['fintech', 'payments'], howMet: 'Money20/20 Amsterdam', metOn: '2022-06-07', gap: 60, lastAgo: 30,
    moments: [{ ago: 78, via: 'video', note: 'Sika Pay wants a partner for payouts in Italy', gave: 'introduction to Martina Costa' }],
    followUps: [{ text: 'send Kwame the contact at Pagaora', dueAgo: 75, doneAgo: 77 }],
  },
  {
    name: 'Nadia El Amrani', circle: 'active', company: 'INRIA', role: 'AI Researcher', location: 'Paris', channel: 'email',
    interests: ['AI', 'NLP'], howMet: 'NeurIPS poster session', metOn: '2023-12-12', gap: 50, lastAgo: 44,
  },

  // network: people to keep, every four months
  {
    name: 'Caterina Pellegrini', circle: 'network', company: 'Pellegrini Architetti', role: 'Architect', location: 'Verona', channel: 'email',
    interests: ['architecture'], howMet: 'friend of Niccolò Ferri', metOn: '2017-07-01', gap: 110, lastAgo: 95,
  },
  {
    name: 'Riccardo Serra', circle: 'network', company: 'Banca Lariana', role: 'Innovation Manager', location: 'Lecco', channel: 'email',
    interests: ['fintech', 'banking'], howMet: 'pitch day at Vela Ventures', metOn: '2024-02-08', gap: 120, lastAgo: 130,
  },
  {
    name: 'Fabio Mariani', circle: 'network', company: 'Bottega Dati', role: 'Data Engineer', location: 'Milano', channel: 'message',
    interests: ['data platforms'], howMet: 'former colleague at Bottega Dati', metOn: '2016-04-11', gap: 120, lastAgo: 110,
  },
  {
    name: 'Irene Gentile', circle: 'network', role: 'Photographer', location: 'Genova', channel: 'social',
    interests: ['photography'], howMet: 'she shot our team photos', metOn: '2021-03-03', gap: 130, lastAgo: 100,
  },
  {
    name: 'Stefano Longo', circle: 'network', company: 'Comune di Bergamo', role: 'Innovation Office', location: 'Bergamo', channel: 'email',
    interests: ['smart cities', 'open data'], howMet: 'open data hackathon', metOn: '2022-05-21', gap: 110, lastAgo: 80,
  },
  {
    name: "Lucia D'Amico", circle: 'network', company: 'Helix Bio', role: 'Regulatory Affairs', location: 'Napoli', channel: 'email',
    interests: ['bioinformatics'], howMet: 'through Davide De Luca', metOn: '2023-03-15', gap: 120, lastAgo: 100,
  },
  {
    name: 'Jacopo Cattaneo', circle: 'network', company: 'Cattaneo & Partners', role: 'Lawyer', location: 'Como', channel: 'message',
    interests: ['sailing'], tags: ['legal'], howMet: 'sailing club on Lake Como', metOn: '2018-06-09', gap: 100, lastAgo: 70,
  },
  {
    name: 'Björn Eriksson', circle: 'network', company: 'Klarvik', role: 'Product Manager', location: 'Stockholm', channel: 'linkedin',
    interests: ['product discovery', 'payments'], howMet: 'Mind the Product London', metOn: '2022-10-20', gap: 120, lastAgo: 90,
  },
  {
    name: 'Aoife Ní Bhriain', circle: 'network', company: 'Digital Policy Institute', role: 'Policy Lead', location: 'Dublin', channel: 'email',
    interests: ['AI policy', 'privacy law'], howMet: 'AI Act workshop in Brussels', metOn: '2024-04-17', gap: 110, lastAgo: 40,
  },
  {
    name: 'Hannah Goldberg', circle: 'network', company: 'Northlight Capital', role: 'Venture Scout', location: 'New York', channel: 'email',
    interests: ['fintech', 'climate tech'], tags: ['investor'], howMet: 'introduced by Mei Lin', metOn: '2024-01-25', gap: 120, lastAgo: 105,
  },
  {
    name: 'Daniel Okafor', circle: 'network', company: 'Sika Pay', role: 'Head of Product', location: 'London', channel: 'linkedin',
    interests: ['payments', 'product discovery'], howMet: 'through Kwame Mensah', metOn: '2023-02-02', gap: 110, lastAgo: 30,
  },
  {
    name: 'Camille Rousseau', circle: 'network', company: 'Le Numérique', role: 'Journalist', location: 'Paris', channel: 'email',
    interests: ['media', 'AI policy'], howMet: 'press lunch at VivaTech', metOn: '2023-06-15', gap: 120, lastAgo: 75,
  },
  {
    name: 'Elif Demir', circle: 'network', company: 'Studio Kiraz', role: 'Brand Designer', location: 'Berlin', channel: 'social',
    interests: ['design', 'typography'], howMet: 'Typo Berlin', metOn: '2022-05-19', gap: 120, lastAgo: 20,
  },
  {
    name: 'Oğuz Yılmaz', circle: 'network', company: 'Kervan Logistics', role: 'Founder', location: 'İstanbul', channel: 'linkedin',
    interests: ['logistics', 'marketplaces'], howMet: 'accelerator batch in Madrid', metOn: '2019-02-01', gap: 120, lastAgo: 115,
  },
  {
    name: 'Laila Haddad', circle: 'network', company: 'Cedar Robotics', role: 'ML Engineer', location: 'Milano', channel: 'linkedin',
    interests: ['AI', 'robotics'], howMet: 'Milano AI Meetup, asked a sharp question after the talk', metAgo: 14,
  },
  {
    name: 'Oliver Brandt', circle: 'network', company: 'Hafen Analytics', role: 'CTO', location: 'Hamburg', channel: 'email',
    interests: ['data platforms', 'sailing'], howMet: 'Data Council Europe, hallway track', metAgo: 3,
    moments: [{ ago: 3, via: 'event', note: 'long chat about lakehouse costs; he sails too' }],
  },
  {
    name: 'Giorgio Barbieri', circle: 'network', company: 'Barbieri Consulting', role: 'Consultant', location: 'Auckland', channel: 'email',
    interests: ['operations'], howMet: 'MBA classmate', metOn: '2015-09-20', gap: 120, lastAgo: 200, archivedAgo: 60,
    notes: 'Moved to New Zealand and left consulting.',
  },

  // acquaintances: known, no rhythm
  {
    name: 'Yuki Tanaka', circle: 'acquaintance', company: 'Shiro Games', role: 'Producer', location: 'Tokyo', channel: 'email',
    interests: ['games'], howMet: 'GDC 2025, at the speakers lounge', metAgo: 205, moments: [{ ago: 205, via: 'event', note: 'swapped cards after her talk on live ops' }],
  },
  {
    name: 'Rafael Souza', circle: 'acquaintance', company: 'Caju', role: 'Engineer', location: 'São Paulo', channel: 'linkedin',
    interests: ['payments'], howMet: 'LinkedIn, after a comment thread', metAgo: 150, moments: [{ ago: 150, via: 'linkedin', note: 'thanked him for the payments write-up' }],
  },

  // the outreach list: people to reach, and why
  {
    name: 'Serena Bassi', circle: 'acquaintance', company: 'Product Bologna', role: 'Community Lead', location: 'Bologna', interests: ['product discovery', 'community building'],
    outreach: { why: 'runs the Bologna product community; a talk there would reach 400 PMs', via: 'Sofia Ricci', channel: 'linkedin', addedAgo: 5 },
  },
  {
    name: 'Kenji Watanabe', circle: 'acquaintance', company: 'Tsumiki', role: 'Engineer', location: 'Osaka', interests: ['offline-first apps'],
    outreach: { why: 'gave the best talk on offline-first apps I have seen', channel: 'email', addedAgo: 2, nextIn: 3 },
  },
  {
    name: 'Carla Benedetti', circle: 'acquaintance', company: 'Adriatica Energia', role: 'Head of Innovation', location: 'Ancona', interests: ['energy data', 'climate tech'],
    outreach: { why: 'leads innovation at Adriatica Energia, looking for data partners', via: 'Francesca Gallo', channel: 'email', addedAgo: 15, steps: [{ to: 'contacted', ago: 9 }] },
  },
  {
    name: 'Thomas Weber', circle: 'acquaintance', company: 'Weber Mobility', role: 'CEO', location: 'Zürich', interests: ['mobility'],
    outreach: { why: 'building e-bike fleets for Italian cities', channel: 'linkedin', addedAgo: 30, steps: [{ to: 'contacted', ago: 24 }], nudges: [16, 8] },
  },
  {
    name: 'Ingrid Solberg', circle: 'acquaintance', company: 'Fjord Health', role: 'COO', location: 'Oslo', interests: ['health tech', 'leadership'],
    outreach: { why: 'scaled a health-tech team from 10 to 200', via: 'Søren Nielsen', channel: 'email', addedAgo: 12, steps: [{ to: 'contacted', ago: 6 }, { to: 'replied', ago: 1 }] },
  },
  {
    name: 'Dario Neri', circle: 'acquaintance', company: 'Neri Robotics', role: 'Founder', location: 'Pisa', interests: ['robotics', 'AI'],
    outreach: { why: 'robotics founder, could mentor Laila', channel: 'email', addedAgo: 35, steps: [{ to: 'contacted', ago: 30 }, { to: 'replied', ago: 25 }, { to: 'met', ago: 4 }] },
  },
  {
    name: 'Alice Romano', circle: 'network', company: 'Fondazione Brera Digitale', role: 'Director', location: 'Milano', interests: ['digital culture', 'AI'],
    outreach: { why: 'runs the Brera digital culture programme', via: 'Valentina Lombardi', channel: 'email', addedAgo: 80,
      steps: [{ to: 'contacted', ago: 75 }, { to: 'replied', ago: 72 }, { to: 'met', ago: 60 }, { to: 'connected', ago: 40 }] },
  },
  {
    name: 'Lars Petersen', circle: 'acquaintance', company: 'Nordhavn Capital', role: 'Partner', location: 'Aarhus', interests: ['climate tech'],
    outreach: { why: 'leads climate investments in the Nordics', channel: 'linkedin', addedAgo: 70, steps: [{ to: 'contacted', ago: 64 }, { to: 'declined', ago: 50, note: 'not investing in Italy this year' }] },
  },
  {
    name: 'Giada Ferraro', circle: 'acquaintance', company: 'Ferraro Wines', role: 'Export Manager', location: 'Alba', interests: ['wine', 'export'],
    outreach: { why: 'exports wine to 30 countries; could advise Émile', channel: 'email', addedAgo: 60, steps: [{ to: 'contacted', ago: 55 }, { to: 'parked', ago: 20, note: 'two nudges, no reply: try again in autumn' }], nudges: [45, 35] },
  },
];
