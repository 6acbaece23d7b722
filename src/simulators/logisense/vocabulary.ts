/** Word lists for the seed data (see random.ts for why these are not Faker's). */

export const FIRST_NAMES = [
  'Aaliyah', 'Aaron', 'Abigail', 'Adrian', 'Aisha', 'Alan', 'Alice', 'Amara', 'Andre', 'Anna',
  'Arjun', 'Beatriz', 'Ben', 'Bianca', 'Carlos', 'Chen', 'Chloe', 'Daniel', 'Dana', 'Diego',
  'Elena', 'Emeka', 'Emma', 'Farah', 'Felix', 'Grace', 'Hana', 'Hugo', 'Imani', 'Isaac',
  'Jack', 'Jamal', 'Julia', 'Kai', 'Karen', 'Lars', 'Leila', 'Liam', 'Lucia', 'Malik',
  'Maria', 'Mateo', 'Maya', 'Mei', 'Nadia', 'Noah', 'Olivia', 'Omar', 'Priya', 'Quinn',
  'Rafael', 'Rosa', 'Sam', 'Sofia', 'Tariq', 'Theo', 'Uma', 'Victor', 'Yara', 'Zoe',
] as const;

export const LAST_NAMES = [
  'Abbott', 'Adeyemi', 'Alvarez', 'Bauer', 'Becker', 'Brooks', 'Castro', 'Chen', 'Clarke', 'Costa',
  'Dubois', 'Evans', 'Fischer', 'Garcia', 'Gupta', 'Hansen', 'Haddad', 'Ito', 'Jensen', 'Kaur',
  'Kim', 'Kowalski', 'Larsen', 'Lopez', 'Martin', 'Meyer', 'Moreau', 'Murphy', 'Nakamura', 'Novak',
  'Okafor', 'Olsen', 'Patel', 'Petrov', 'Quinn', 'Reyes', 'Rossi', 'Santos', 'Schmidt', 'Silva',
  'Singh', 'Sato', 'Tanaka', 'Torres', 'Vargas', 'Walsh', 'Weber', 'Wright', 'Yilmaz', 'Zimmer',
] as const;

export const TITLES = ['Mr.', 'Ms.', 'Mrs.', 'Dr.'] as const;

export const COMPANY_WORDS = [
  'Acme', 'Apex', 'Aurora', 'Beacon', 'Birch', 'Blue Harbor', 'Bright', 'Cascade', 'Cedar', 'Cobalt',
  'Crescent', 'Delta', 'Ember', 'Evergreen', 'Falcon', 'Granite', 'Harbor', 'Horizon', 'Iron Oak',
  'Juniper', 'Keystone', 'Lakeside', 'Lumen', 'Maple', 'Meridian', 'Northwind', 'Nova', 'Orchard',
  'Pioneer', 'Prairie', 'Quarry', 'Redwood', 'Ridge', 'Silver Creek', 'Summit', 'Tidewater',
  'Trident', 'Union', 'Vertex', 'Willow',
] as const;

export const COMPANY_KINDS = [
  'Telecom', 'Networks', 'Broadband', 'Energy', 'Water', 'Media', 'Cloud', 'Utilities', 'Wireless',
  'Logistics', 'Health', 'Systems',
] as const;

export const COMPANY_SUFFIXES = ['Inc.', 'LLC', 'Ltd.', 'Corp.', 'Co.', 'Group'] as const;

export const STREET_NAMES = [
  'Main St', 'Oak Ave', 'Maple Dr', 'Cedar Ln', 'Pine St', 'Elm St', 'Lake Rd', 'Hill St',
  'Park Ave', 'River Rd', 'Sunset Blvd', 'Market St', 'King St', 'Queen St', 'High St',
] as const;

export const CITIES = [
  'Springfield', 'Riverton', 'Fairview', 'Georgetown', 'Franklin', 'Greenville', 'Bristol',
  'Clinton', 'Madison', 'Salem', 'Oakridge', 'Kingston', 'Ashford', 'Milton',
] as const;
