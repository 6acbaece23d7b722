/** Word lists of the seeded demo data; the generator is the kit's `SeededRandom`. */
export { SeededRandom as Random } from '../kit';

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
