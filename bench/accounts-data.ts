import { writeFile } from 'node:fs/promises';
import { csvCell, seededRandom } from './call-records.ts';
import { technologyDictionary } from '../functions/core/entities/technologies.ts';

/*
 * Seeded company and contact exports for the accounts-store bench: company names with legal
 * forms of several countries, domains spelled several ways, countries as names and codes,
 * technology cells as lists and as free text; contacts mostly at their company's domain,
 * some at free-mail providers. Same seed, same bytes.
 */

const WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Wonka', 'Soylent', 'Tyrell', 'Cyberdyne', 'Aperture', 'Gringotts', 'Oscorp', 'Pied', 'Piper', 'Nakatomi', 'Zorg', 'Monarch', 'Blue', 'North', 'Delta', 'Apex', 'Nova', 'Vertex', 'Quantum', 'Summit', 'Harbor', 'Pioneer'];
const KINDS = ['Systems', 'Labs', 'Industries', 'Analytics', 'Foods', 'Logistics', 'Health', 'Software', 'Energy', 'Capital', 'Media', 'Robotics'];
const FORMS = ['Inc.', 'LLC', 'GmbH', 'Ltd', 'S.A.', 'B.V.', 'AB', 'Oy', 'S.p.A.', 'Pty Ltd', 'Corp', ''];
const INDUSTRIES = ['Software', 'Manufacturing', 'Retail', 'Financial Services', 'Healthcare', 'Logistics', 'Energy', 'Media', 'Education', 'Telecommunications', 'Insurance', 'Real Estate', 'Hospitality', 'Automotive', 'Agriculture'];
const COUNTRIES = ['United States', 'USA', 'US', 'Germany', 'Deutschland', 'DE', 'United Kingdom', 'UK', 'France', 'Spain', 'Netherlands', 'Sweden', 'Japan', 'Canada', 'Australia', 'Brazil', 'India'];
const FIRST = ['Jane', 'John', 'Maria', 'Wei', 'Ann', 'Luca', 'Sofia', 'Ahmed', 'Yuki', 'Olga', 'Pedro', 'Fatima', 'Liam', 'Emma', 'Noah', 'Mia', 'Ravi', 'Chen', 'Zoe', 'Omar'];
const LAST = ['Doe', 'Smith', 'Garcia', 'Zhang', 'Lee', 'Rossi', 'Müller', 'Khan', 'Sato', 'Ivanova', 'Silva', 'Haddad', 'Brown', 'Wilson', 'Jones', 'Nguyen', 'Patel', 'Wang', 'Martin', 'Hassan'];
const TITLES = ['CTO', 'CEO', 'VP Sales', 'Head of IT', 'Engineer', 'Buyer', 'CFO', 'Product Manager', 'Director of Operations', 'Analyst'];
const FREE_MAIL = ['gmail.com', 'yahoo.com', 'outlook.com', 'web.de'];

export interface Company {
  name: string;
  domain: string;
}

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

function domainSpelling(rand: () => number, domain: string): string {
  const r = rand();
  if (r < 0.25) return `https://www.${domain}/`;
  if (r < 0.4) return domain.toUpperCase();
  if (r < 0.55) return `http://${domain}`;
  return domain;
}

function technologyCell(rand: () => number): string {
  const names = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => pick(rand, technologyDictionary()).name);
  if (rand() < 0.2) return `runs ${names.join(', ')} in production`;
  return names.join(rand() < 0.5 ? '; ' : ', ');
}

/** A company export of `count` distinct companies; its companies, for the contact file. */
export async function writeCompanyCsv(path: string, count: number, seed: number): Promise<Company[]> {
  const rand = seededRandom(seed);
  const companies: Company[] = [];
  const lines = ['Company Name,Website,Industry,Employees,Country,Technologies'];
  for (let i = 0; i < count; i++) {
    const base = `${pick(rand, WORDS)} ${pick(rand, KINDS)} ${i}`;
    const name = `${base} ${pick(rand, FORMS)}`.trim();
    const domain = `${base.toLowerCase().replace(/\s+/g, '-')}.example`;
    companies.push({ name, domain });
    const cells = [name, domainSpelling(rand, domain), pick(rand, INDUSTRIES), String(Math.floor(rand() ** 3 * 50_000) + 1), pick(rand, COUNTRIES), technologyCell(rand)];
    lines.push(cells.map(csvCell).join(','));
  }
  await writeFile(path, lines.join('\n') + '\n');
  return companies;
}

/** A contact list of `count` people at those companies (one in eight at a free-mail address). */
export async function writeContactCsv(path: string, count: number, companies: readonly Company[], seed: number): Promise<void> {
  const rand = seededRandom(seed);
  const lines = ['First Name,Last Name,Email,Phone,Job Title,Company'];
  for (let i = 0; i < count; i++) {
    const company = pick(rand, companies);
    const first = pick(rand, FIRST);
    const last = pick(rand, LAST);
    const local = `${first}.${last}.${i}`.toLowerCase().normalize('NFKD').replace(/[^a-z0-9.]/g, '');
    const email = `${local}@${rand() < 0.125 ? pick(rand, FREE_MAIL) : company.domain}`;
    const phone = rand() < 0.5 ? `+1 415 ${String(2000000 + Math.floor(rand() * 7999999)).replace(/(\d{3})(\d{4})/, '$1 $2')}` : '';
    lines.push([first, last, email, phone, pick(rand, TITLES), company.name].map(csvCell).join(','));
  }
  await writeFile(path, lines.join('\n') + '\n');
}
