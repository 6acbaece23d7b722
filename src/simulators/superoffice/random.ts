/**
 * A small seeded generator for the demo data.
 *
 * Why not @faker-js/faker: faker 10 ships as ES modules only, and jest 30 on Node 20 (this
 * project's test runner, CommonJS through ts-jest) cannot load it; data generated one way in
 * demo mode and another way in tests would break "same seed, same data". Fixed word lists and
 * mulberry32 keep the data identical everywhere and across dependency upgrades.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). mulberry32. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  bool(pTrue = 0.5): boolean {
    return this.next() < pTrue;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }

  /** A time between two instants, whole seconds. */
  between(from: Date, to: Date): Date {
    const span = to.getTime() - from.getTime();
    const ms = from.getTime() + Math.floor(this.next() * span);
    return new Date(Math.floor(ms / 1000) * 1000);
  }
}

export const FIRST_NAMES = [
  'Anna', 'Bjørn', 'Camilla', 'David', 'Emma', 'Fredrik', 'Grace', 'Henrik', 'Ingrid', 'Jonas',
  'Karin', 'Lars', 'Maria', 'Nils', 'Olivia', 'Peter', 'Ruth', 'Sven', 'Tone', 'Ulrik',
  'Vera', 'William', 'Yasmin', 'Zoe', 'Amir', 'Chloe', 'Daniel', 'Elise', 'Felix', 'Hanna',
  'Isak', 'Julia', 'Kristian', 'Linnea', 'Magnus', 'Nora', 'Oscar', 'Pia', 'Sofia', 'Thomas',
] as const;

export const LAST_NAMES = [
  'Andersen', 'Berg', 'Carlsson', 'Dahl', 'Eriksen', 'Fischer', 'Gundersen', 'Hansen', 'Iversen',
  'Johansen', 'Karlsen', 'Larsen', 'Moe', 'Nilsen', "O'Brien", 'Pedersen', 'Quist', 'Rasmussen',
  'Solberg', 'Thorsen', 'Ulriksen', 'Vik', 'Walker', 'Young', 'Zimmermann', 'Bakke', 'Haugen',
  'Lund', 'Strand', 'Holm',
] as const;

export const MIDDLE_NAMES = ['Marie', 'Johan', 'Elisabeth', 'Alexander', 'Louise', 'Emil'] as const;

export const COMPANY_STEMS = [
  'Nordvik', 'Fjellstad', 'Blue Harbor', 'Granite', 'Polaris', 'Aurora', 'Kystlinje', 'Brightwater',
  'Ironwood', 'Solvang', 'Northwind', 'Silverline', 'Redcliff', 'Havbris', 'Evergreen', 'Tindra',
  'Oakridge', 'Lumen', 'Vestfjord', 'Summit', 'Riverside', 'Stormberg', 'Meridian', 'Copperfield',
] as const;

export const COMPANY_KINDS = [
  'Consulting', 'Logistics', 'Software', 'Engineering', 'Foods', 'Energy', 'Media', 'Health',
  'Robotics', 'Finance', 'Marine', 'Retail',
] as const;

export const COMPANY_SUFFIXES = ['AS', 'AB', 'Ltd', 'GmbH', 'BV', 'Inc'] as const;

export const DEPARTMENTS = ['', '', '', 'Sales', 'Head Office', 'Procurement', 'R&D'] as const;

export const JOB_TITLES = [
  'CEO', 'CFO', 'Head of Sales', 'Sales Manager', 'Account Manager', 'Purchasing Manager',
  'IT Director', 'Project Manager', 'Operations Manager', 'Marketing Lead', 'Office Manager',
  'Product Owner', 'Senior Engineer', 'Controller',
] as const;

export const STREETS = [
  'Storgata', 'Kirkeveien', 'High Street', 'Hauptstraße', 'Parkveien', 'Harbour Road',
  'Mill Lane', 'Drottninggatan', 'Keizersgracht', 'Strandveien', 'Market Square', 'Elm Street',
] as const;

export const PRODUCTS = [
  'CRM licences', 'Support agreement', 'Onboarding package', 'Data migration', 'Training days',
  'Hosting renewal', 'Integration project', 'Hardware refresh', 'Consulting hours', 'Analytics add-on',
] as const;
