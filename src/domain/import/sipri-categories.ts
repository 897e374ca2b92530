/**
 * SIPRI's weapon descriptions ("FGA aircraft", "anti-ship missile", "self-propelled gun") to the
 * tracker's system categories and domains. The rules are tried in order and the first that matches
 * wins, so that "combat aircraft radar" is a sensor, "anti-submarine torpedo" a missile and "aircraft
 * carrier" a ship. A description no rule matches is 'other', with no domain: a guess would put a
 * record in the wrong chart bar.
 */
import type { Domain, SystemCategory } from '../model/vocabulary';

interface Rule {
  test: RegExp;
  category: SystemCategory;
}

const RULES: Rule[] = [
  { test: /\bUAV\b|\bdrone\b|loitering munition/i, category: 'uav' },
  { test: /\bengine\b|turbofan|turbojet|turboprop|turboshaft|gas turbine/i, category: 'engine' },
  { test: /\bradar\b|\bsonar\b|EO system|signals intelligence system|\bsensor\b/i, category: 'sensor' },
  { test: /missile|\bSAM\b|torpedo|\bASM\b|coastal defence system/, category: 'missile' },
  { test: /\bbomb\b|guided shell|\brocket\b(?! launcher)|\bmunition/i, category: 'munitions' },
  {
    test: /frigate|submarine|destroyer|corvette|aircraft carrier|cruiser|patrol boat|patrol ship|patrol craft|minesweeper|minehunter|landing ship|landing craft|missile boat|replenishment ship|support ship|amphibious|\bOPV\b/i,
    category: 'naval-vessel',
  },
  { test: /helicopter/i, category: 'helicopter' },
  {
    test: /\bFGA aircraft|fighter aircraft|combat aircraft|bomber aircraft|trainer\/combat aircraft/i,
    category: 'combat-aircraft',
  },
  {
    test: /maritime patrol aircraft|anti-submarine aircraft|\bASW aircraft/i,
    category: 'maritime-patrol-aircraft',
  },
  { test: /transport aircraft/i, category: 'transport-aircraft' },
  {
    test: /\bgun\b|howitzer|mortar|rocket launcher|anti-aircraft gun/i,
    category: 'artillery',
  },
  {
    test: /\btank\b|\bAPC\b|infantry fighting vehicle|armoured|tank chassis|\bIFV\b/i,
    category: 'armoured-vehicle',
  },
];

/** The category of a SIPRI weapon description. */
export function sipriCategory(description: string): SystemCategory {
  return RULES.find((rule) => rule.test.test(description))?.category ?? 'other';
}

/**
 * Domains where the description or the category makes them plain: aircraft of every kind are air,
 * ships maritime (submarines undersea too), land vehicles and guns land, a "naval" or "ship" system
 * maritime. Engines, sensors and missiles get a domain only from such a word.
 */
export function sipriDomains(description: string, category: SystemCategory): Domain[] {
  const domains = new Set<Domain>();
  const naval = /\bnaval\b|\bship\b|anti-ship|\bsea\b|anti-submarine|\bASW\b|coastal/i.test(description);
  switch (category) {
    case 'uav':
    case 'combat-aircraft':
    case 'transport-aircraft':
    case 'helicopter':
      domains.add('air');
      break;
    case 'maritime-patrol-aircraft':
      domains.add('air').add('maritime');
      break;
    case 'naval-vessel':
      domains.add('maritime');
      if (/submarine/i.test(description)) domains.add('undersea');
      break;
    case 'armoured-vehicle':
      domains.add('land');
      break;
    case 'artillery':
      domains.add(naval ? 'maritime' : 'land');
      break;
    default:
      if (/aircraft|air-to-air|air-to-surface|airborne/i.test(description)) domains.add('air');
  }
  if (naval) domains.add('maritime');
  return [...domains];
}
