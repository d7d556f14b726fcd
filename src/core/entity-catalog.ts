import { createRequire } from "node:module";
import { z } from "zod";
import { ENTITY_KINDS, type LocalizedText } from "./knowledge-schema.js";
import { foldText } from "./normalize.js";

/**
 * Named things the core knows whether or not an article names them, so that it can tell that
 * "Sweden", "the EU" or "Putin" is a country, an organisation, a person — and refuse a question
 * about them that an article's fact does not answer. Countries and nationalities come from
 * maintained lists (i18n-iso-countries, i18n-nationality); organisations, office holders and
 * places are short lists of the ones news questions name most.
 */
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface CatalogEntity {
  /** "country:SE", "organisation:eu", "number:40"… */
  readonly id: string;
  readonly kind: EntityKind;
  readonly label: LocalizedText;
  /** Every way of writing it, in either language, as people type them. */
  readonly names: readonly string[];
  /** For a capital: the country it also stands for ("Paris a lancé…"). */
  readonly capitalOf?: string;
  /** For a place: the country it is in, capitals included ("which Ukrainian city…" is not Brussels). */
  readonly locatedIn?: string;
  /** For a time: what it is a time of the scale of (a day of the week, a month, a year). "Monday" contradicts "Thursday", not "2025". */
  readonly scale?: TimeScale;
}

export type TimeScale = "weekday" | "month" | "year";

const require = createRequire(import.meta.url);
const NamesSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const CountryListSchema = z.object({ locale: z.string(), countries: NamesSchema });
const NationalityListSchema = z.object({ locale: z.string(), nationalities: z.record(z.string(), z.string()) });

function asList(value: string | readonly string[] | undefined): string[] {
  return value === undefined ? [] : typeof value === "string" ? [value] : [...value];
}

/** Names the lists give that are also everyday words, or too short to tell from one. */
const AMBIGUOUS_COUNTRY_NAMES = new Set(["us", "u.s.", "chad", "turkey", "jersey", "guinea", "georgia", "jordan", "china", "man", "reunion", "la reunion", "maurice", "niger", "salomon", "christmas"]);

/**
 * Two-letter country codes that are also words in capitals ("IT", "IN", "NO", "TO", "DO"…), or
 * that chat uses for another country ("RU" is the Royaume-Uni in French): never read as countries.
 */
const CODES_THAT_ARE_WORDS = new Set(["IT", "IN", "IS", "NO", "TO", "DO", "GO", "AM", "AS", "AT", "BE", "BY", "ME", "MY", "SO", "OR", "AN", "ON", "US", "UM", "LA", "LE", "TU", "IL", "SE", "SI", "NE", "ET", "MA", "TA", "SA", "ES", "EU", "ID", "AI", "CA", "PS", "MO", "MS", "PM", "TV", "UN", "RU"]);

function countries(): CatalogEntity[] {
  const fr = CountryListSchema.parse(require("i18n-iso-countries/langs/fr.json")).countries;
  const en = CountryListSchema.parse(require("i18n-iso-countries/langs/en.json")).countries;
  const frNationalities = NationalityListSchema.parse(require("i18n-nationality/langs/fr.json")).nationalities;
  const enNationalities = NationalityListSchema.parse(require("i18n-nationality/langs/en.json")).nationalities;
  return Object.keys(en).map((code) => {
    const frNames = asList(fr[code]);
    const enNames = asList(en[code]);
    // The two-letter code as chat writes it ("NL", "DE"): short names count only as typed, in capitals.
    const names = [...frNames, ...enNames, frNationalities[code], enNationalities[code], ...(CODES_THAT_ARE_WORDS.has(code) ? [] : [code])]
      .filter((name): name is string => name !== undefined && !AMBIGUOUS_COUNTRY_NAMES.has(foldText(name)));
    return {
      id: `country:${code}`,
      kind: "country" as const,
      label: { fr: frNames[0] ?? enNames[0] ?? code, en: enNames[0] ?? code },
      names,
    };
  });
}

type Row = readonly [id: string, fr: string, en: string, otherNames?: string];

function fromRows(kind: EntityKind, rows: readonly Row[], scale?: TimeScale): CatalogEntity[] {
  return rows.map(([id, fr, en, other]) => ({
    id: `${kind}:${id}`,
    kind,
    label: { fr, en },
    names: [fr, en, ...(other?.split("|") ?? [])],
    ...(scale ? { scale } : {}),
  }));
}

const ORGANISATIONS: readonly Row[] = [
  ["eu", "l’Union européenne", "the European Union", "UE|EU|Union européenne|European Union"],
  ["un", "l’ONU", "the UN", "ONU|UN|Nations unies|United Nations|Organisation des Nations unies"],
  ["g7", "le G7", "the G7", "G7"],
  ["g20", "le G20", "the G20", "G20"],
  ["osce", "l’OSCE", "the OSCE", "OSCE"],
  ["imf", "le FMI", "the IMF", "FMI|IMF|Fonds monétaire international|International Monetary Fund"],
  ["world-bank", "la Banque mondiale", "the World Bank", "Banque mondiale|World Bank"],
  ["european-commission", "la Commission européenne", "the European Commission", "Commission européenne|European Commission"],
  ["european-parliament", "le Parlement européen", "the European Parliament", "Parlement européen|European Parliament"],
  ["european-council", "le Conseil européen", "the European Council", "Conseil européen|European Council"],
  ["council-of-europe", "le Conseil de l’Europe", "the Council of Europe", "Conseil de l’Europe|Council of Europe"],
  ["brics", "les BRICS", "the BRICS", "BRICS"],
  ["csto", "l’OTSC", "the CSTO", "OTSC|CSTO"],
  ["pentagon", "le Pentagone", "the Pentagon", "Pentagone|Pentagon"],
  ["white-house", "la Maison-Blanche", "the White House", "Maison Blanche|White House"],
  ["congress", "le Congrès américain", "the US Congress", "Congrès|Congress"],
  ["icc", "la Cour pénale internationale", "the International Criminal Court", "CPI|ICC|Cour pénale internationale|International Criminal Court"],
  ["iaea", "l’AIEA", "the IAEA", "AIEA|IAEA"],
  ["red-cross", "la Croix-Rouge", "the Red Cross", "Croix-Rouge|Red Cross"],
  ["wagner", "le groupe Wagner", "the Wagner group", "Wagner"],
];

const OFFICE_HOLDERS: readonly Row[] = [
  ["putin", "Vladimir Poutine", "Vladimir Putin", "Poutine|Putin"],
  ["zelensky", "Volodymyr Zelensky", "Volodymyr Zelensky", "Zelensky|Zelenski|Zelenskyy|Zelenskiy|Zelenskyi"],
  ["trump", "Donald Trump", "Donald Trump", "Trump"],
  ["biden", "Joe Biden", "Joe Biden", "Biden"],
  ["obama", "Barack Obama", "Barack Obama", "Obama"],
  ["macron", "Emmanuel Macron", "Emmanuel Macron", "Macron"],
  ["starmer", "Keir Starmer", "Keir Starmer", "Starmer"],
  ["sunak", "Rishi Sunak", "Rishi Sunak", "Sunak"],
  ["scholz", "Olaf Scholz", "Olaf Scholz", "Scholz"],
  ["merz", "Friedrich Merz", "Friedrich Merz", "Merz"],
  ["meloni", "Giorgia Meloni", "Giorgia Meloni", "Meloni"],
  ["tusk", "Donald Tusk", "Donald Tusk", "Tusk"],
  ["erdogan", "Recep Tayyip Erdogan", "Recep Tayyip Erdogan", "Erdogan|Erdoğan"],
  ["orban", "Viktor Orban", "Viktor Orban", "Orban|Orbán"],
  ["xi", "Xi Jinping", "Xi Jinping", "Jinping"],
  ["lavrov", "Sergueï Lavrov", "Sergey Lavrov", "Lavrov"],
  ["rutte", "Mark Rutte", "Mark Rutte", "Rutte"],
  ["stoltenberg", "Jens Stoltenberg", "Jens Stoltenberg", "Stoltenberg"],
  ["von-der-leyen", "Ursula von der Leyen", "Ursula von der Leyen", "von der Leyen|Leyen"],
  ["kallas", "Kaja Kallas", "Kaja Kallas", "Kallas"],
  ["borrell", "Josep Borrell", "Josep Borrell", "Borrell"],
  ["hegseth", "Pete Hegseth", "Pete Hegseth", "Hegseth"],
  ["rubio", "Marco Rubio", "Marco Rubio", "Rubio"],
  ["vance", "JD Vance", "JD Vance", "Vance"],
  ["blinken", "Antony Blinken", "Antony Blinken", "Blinken"],
  ["witkoff", "Steve Witkoff", "Steve Witkoff", "Witkoff"],
  ["lecornu", "Sébastien Lecornu", "Sébastien Lecornu", "Lecornu"],
  ["barrot", "Jean-Noël Barrot", "Jean-Noël Barrot", "Barrot"],
  ["pistorius", "Boris Pistorius", "Boris Pistorius", "Pistorius"],
  ["sikorski", "Radosław Sikorski", "Radosław Sikorski", "Sikorski"],
  ["stubb", "Alexander Stubb", "Alexander Stubb", "Stubb"],
  ["kristersson", "Ulf Kristersson", "Ulf Kristersson", "Kristersson"],
  ["frederiksen", "Mette Frederiksen", "Mette Frederiksen", "Frederiksen"],
  ["carney", "Mark Carney", "Mark Carney", "Carney"],
  ["lammy", "David Lammy", "David Lammy", "Lammy"],
  ["umerov", "Roustem Oumerov", "Rustem Umerov", "Umerov|Oumerov"],
  ["sybiha", "Andriy Sybiha", "Andrii Sybiha", "Sybiha"],
  ["kuleba", "Dmytro Kouleba", "Dmytro Kuleba", "Kuleba|Kouleba"],
];

/** Places that are not countries. */
const PLACES: readonly Row[] = [
  ["paris", "Paris", "Paris"],
  ["brussels", "Bruxelles", "Brussels"],
  ["kyiv", "Kiev", "Kyiv", "Kiev|Kyïv"],
  ["washington", "Washington", "Washington"],
  ["moscow", "Moscou", "Moscow"],
  ["london", "Londres", "London"],
  ["berlin", "Berlin", "Berlin"],
  ["warsaw", "Varsovie", "Warsaw"],
  ["rome", "Rome", "Rome"],
  ["madrid", "Madrid", "Madrid"],
  ["the-hague", "La Haye", "The Hague", "Amsterdam"],
  ["helsinki", "Helsinki", "Helsinki"],
  ["stockholm", "Stockholm", "Stockholm"],
  ["oslo", "Oslo", "Oslo"],
  ["copenhagen", "Copenhague", "Copenhagen"],
  ["vilnius", "Vilnius", "Vilnius"],
  ["riga", "Riga", "Riga"],
  ["tallinn", "Tallinn", "Tallinn"],
  ["bucharest", "Bucarest", "Bucharest"],
  ["budapest", "Budapest", "Budapest"],
  ["prague", "Prague", "Prague"],
  ["vienna", "Vienne", "Vienna"],
  ["ankara", "Ankara", "Ankara"],
  ["minsk", "Minsk", "Minsk"],
  ["beijing", "Pékin", "Beijing"],
  ["tokyo", "Tokyo", "Tokyo"],
  ["ottawa", "Ottawa", "Ottawa"],
  ["riyadh", "Riyad", "Riyadh"],
  ["geneva", "Genève", "Geneva"],
  ["istanbul", "Istanbul", "Istanbul"],
  ["new-york", "New York", "New York"],
  ["munich", "Munich", "Munich"],
  ["strasbourg", "Strasbourg", "Strasbourg"],
  ["davos", "Davos", "Davos"],
  ["ramstein", "Ramstein", "Ramstein"],
  ["jeddah", "Djeddah", "Jeddah"],
  ["alaska", "l’Alaska", "Alaska", "Alaska"],
  ["odesa", "Odessa", "Odesa", "Odessa"],
  ["kharkiv", "Kharkiv", "Kharkiv", "Kharkov"],
  ["lviv", "Lviv", "Lviv", "Lvov"],
  ["kherson", "Kherson", "Kherson"],
  ["mariupol", "Marioupol", "Mariupol"],
  ["zaporizhzhia", "Zaporijjia", "Zaporizhzhia"],
  ["crimea", "la Crimée", "Crimea", "Crimée"],
  ["donbas", "le Donbass", "the Donbas", "Donbass|Donbas"],
  ["black-sea", "la mer Noire", "the Black Sea", "mer Noire|Black Sea"],
  ["baltic-sea", "la mer Baltique", "the Baltic Sea", "mer Baltique|Baltic Sea"],
];

/** The country (ISO code) of the places that are no capitals: where a city asked of a country may be. */
const LOCATED_IN: Readonly<Record<string, string>> = {
  brussels: "BE", geneva: "CH", istanbul: "TR", "new-york": "US", munich: "DE", strasbourg: "FR", davos: "CH", ramstein: "DE",
  jeddah: "SA", alaska: "US", odesa: "UA", kharkiv: "UA", lviv: "UA", kherson: "UA", mariupol: "UA", zaporizhzhia: "UA",
  crimea: "UA", donbas: "UA",
};

/** Capitals, by place id, with the country (ISO code) they also stand for: "Paris a lancé…" is France. */
const CAPITALS: Readonly<Record<string, string>> = {
  paris: "FR", kyiv: "UA", washington: "US", moscow: "RU", london: "GB", berlin: "DE", warsaw: "PL", rome: "IT", madrid: "ES",
  "the-hague": "NL", helsinki: "FI", stockholm: "SE", oslo: "NO", copenhagen: "DK", vilnius: "LT",
  riga: "LV", tallinn: "EE", bucharest: "RO", budapest: "HU", prague: "CZ", vienna: "AT",
  ankara: "TR", minsk: "BY", beijing: "CN", tokyo: "JP", ottawa: "CA", riyadh: "SA",
};

const WEEKDAYS: readonly Row[] = [
  ["monday", "lundi", "Monday"],
  ["tuesday", "mardi", "Tuesday"],
  ["wednesday", "mercredi", "Wednesday"],
  ["thursday", "jeudi", "Thursday"],
  ["friday", "vendredi", "Friday"],
  ["saturday", "samedi", "Saturday"],
  ["sunday", "dimanche", "Sunday"],
];

// "mars" and "may" are left out: the planet and the verb are commoner in questions than the months.
const MONTHS: readonly Row[] = [
  ["january", "janvier", "January"],
  ["february", "février", "February"],
  ["april", "avril", "April"],
  ["june", "juin", "June"],
  ["july", "juillet", "July"],
  ["august", "août", "August"],
  ["september", "septembre", "September"],
  ["october", "octobre", "October"],
  ["november", "novembre", "November"],
  ["december", "décembre", "December"],
];

/** Number words people type for counts; "un"/"one" are left out: they are articles far more often. */
const NUMBER_WORDS: readonly (readonly [value: number, fr: string, en: string])[] = [
  [2, "deux", "two"], [3, "trois", "three"], [4, "quatre", "four"], [5, "cinq", "five"], [6, "six", "six"],
  [7, "sept", "seven"], [8, "huit", "eight"], [9, "neuf", "nine"], [10, "dix|dizaine", "ten"],
  [12, "douze|douzaine", "twelve|dozen"], [15, "quinze|quinzaine", "fifteen"], [20, "vingt|vingtaine", "twenty"],
  [30, "trente|trentaine", "thirty"], [40, "quarante|quarantaine", "forty"], [50, "cinquante|cinquantaine", "fifty"],
  [100, "cent|centaine", "hundred"], [1000, "mille|millier", "thousand"],
];

const NUMBER_NAMES: ReadonlySet<string> = new Set(NUMBER_WORDS.flatMap(([, fr, en]) => [...fr.split("|"), ...en.split("|")]));

/** Whether a folded token writes a number: "40", "quarante", "forty". */
export function isNumberWord(token: string): boolean {
  return /^\d+$/.test(token) || NUMBER_NAMES.has(token);
}

/** The number entity a digit string stands for: "number:40". Years are times: "time:2025". */
export function numberEntity(digits: string): CatalogEntity {
  const value = String(Number(digits));
  const isYear = /^(?:19|20)\d\d$/.test(value);
  return isYear
    ? { id: `time:${value}`, kind: "time", label: { fr: value, en: value }, names: [value], scale: "year" }
    : { id: `number:${value}`, kind: "number", label: { fr: value, en: value }, names: [value] };
}

function numbers(): CatalogEntity[] {
  return NUMBER_WORDS.map(([value, fr, en]) => {
    const entity = numberEntity(String(value));
    return { ...entity, names: [...entity.names, ...fr.split("|"), ...en.split("|")] };
  });
}

let catalog: readonly CatalogEntity[] | undefined;

/** Every entity the core knows of itself; built once, on first use. */
export function entityCatalog(): readonly CatalogEntity[] {
  catalog ??= [
    ...countries(),
    ...fromRows("organisation", ORGANISATIONS),
    ...fromRows("person", OFFICE_HOLDERS),
    ...fromRows("place", PLACES).map((place) => {
      const key = place.id.slice("place:".length);
      const capital = CAPITALS[key];
      const located = capital ?? LOCATED_IN[key];
      return { ...place, ...(capital === undefined ? {} : { capitalOf: `country:${capital}` }), ...(located === undefined ? {} : { locatedIn: `country:${located}` }) };
    }),
    ...fromRows("time", WEEKDAYS, "weekday"),
    ...fromRows("time", MONTHS, "month"),
    ...numbers(),
  ];
  return catalog;
}
