import type { Language } from "./answer-schema.js";
import { entityCatalog, numberEntity, type CatalogEntity, type EntityKind, type TimeScale } from "./entity-catalog.js";
import type { Fact, KnowledgeEntity, LocalizedText, Pack } from "./knowledge-schema.js";
import { COMMON_WORDS } from "./common-words.js";
import { editDistance } from "./edit-distance.js";
import { tokenize } from "./normalize.js";
import { stemWord } from "./stemming.js";
import { ENGLISH_STOPWORDS, FRENCH_STOPWORDS, STOPWORDS } from "./stopwords.js";

export type { EntityKind } from "./entity-catalog.js";

/** A named thing, from an article's knowledge or from the core's catalog. */
export interface Entity {
  readonly id: string;
  readonly kind: EntityKind;
  readonly label: LocalizedText;
  /** Named by the article (declared in a pack's knowledge). */
  readonly inArticle: boolean;
  /** What the whole article is about: naming it never rules a fact out. */
  readonly subject: boolean;
  /** Entities it stands for as a group (the Baltic states hold Estonia). */
  readonly includes: ReadonlySet<string>;
  /** For a time, its scale (a weekday, a month, a year): from the catalog, or the catalog's entity the article's took over. */
  readonly scale?: TimeScale;
  /** For "the French minister", "Ukraine's defence secretary": the country the official speaks for, and as what. */
  readonly officialOf?: { readonly country: Entity; readonly role: OfficialRole };
}

export interface EntityMention {
  readonly entity: Entity;
  /** The first and last token of the mention. */
  readonly tokens: readonly [number, number];
}

/**
 * Words naming someone who speaks for a country: "le ministre français", "the British Defence
 * Secretary", "Ukraine's defence minister" name a person by their country, and a fact quoting the
 * Finnish minister does not answer what the French one said.
 */
const ROLE_WORDS: ReadonlyMap<string, OfficialRole> = new Map(
  (
    [
      ["minister", "ministre ministres minister ministers secretaire secretary"],
      ["head", "president presidente presidents chancelier chanceliere chancellor king roi reine queen pm"],
      ["ambassador", "ambassadeur ambassadrice ambassador ambassadors"],
      ["spokesperson", "porte spokesman spokeswoman spokesperson"],
      // Any of the above: "les dirigeants finlandais" are answered by the Finnish minister.
      ["official", "dirigeant dirigeants dirigeante leader leaders representant representante representative envoye envoy homologue counterpart responsable responsables chef chief"],
    ] as const
  ).flatMap(([role, words]) => words.split(" ").map((word) => [word, role] as const)),
);

/**
 * Role words that are also past participles: before "à" with no determiner before them they are
 * the participle ("le signal envoyé à l'Ukraine" sends a signal, names no envoy), as "l'envoyé
 * aux Pays-Bas" and "l'envoyé de l'Ukraine" are not. Folded text has lost "l'": the text as typed says.
 */
const PARTICIPLE_ROLE_WORDS = new Set(["envoye"]);
const RECIPIENT_WORDS = new Set(["a", "au", "aux"]);
const DETERMINED_ENVOY = /(?:\bl['’]\s*|\b(?:le|les|un|des|son|ses|cet|leur|leurs|notre|nos|votre)\s+)envoy/iu;

/** Who speaks for a country: "official" stands for any of them. */
export type OfficialRole = "minister" | "head" | "ambassador" | "spokesperson" | "official";

/** Words that may stand between a role and its country: "ministre des Armées français", "secretary of state of". */
const ROLE_PHRASE_WORDS = new Set([
  "de", "des", "du", "la", "le", "l", "a", "aux", "of", "the", "from", "s", "for",
  "defense", "defence", "armees", "guerre", "war", "affaires", "etrangeres", "foreign", "interieur", "exterieures", "state", "etat", "prime", "premier", "parole", "diplomatie", "gouvernement", "government", "staff", "armee", "army",
]);
/** How many words a role and its country may be apart ("ministre de la Défense ukrainien"). */
const MAX_ROLE_GAP = 4;

/** Names whose stem is an everyday word's: matched only as written ("France" is no "francs"). */
const STEM_EXCLUDED = new Set(["france"]);

/** Longest name, in words, looked for ("Organisation des Nations unies"). */
const MAX_NAME_WORDS = 5;

/** Names this long and more are still found with one letter wrong ("hakanen", "brekelman", "healy" is not: 5 letters). */
const MIN_MISTYPED_NAME = 6;
/** Single words this long or longer are also recognised by their stem ("norvégienne", "allemands"). */
const MIN_STEMMED_NAME_LENGTH = 5;

function nameKey(name: string): string {
  return tokenize(name).join(" ");
}

function stemKeys(word: string): string[] {
  return word.length < MIN_STEMMED_NAME_LENGTH ? [] : (["fr", "en"] as const).map((language: Language) => `~${stemWord(word, language)}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Words after which an article's name that is also an everyday word is the name, however written:
 * "the us defense secretary" (the pronoun "us" never follows them). Only the article's own names:
 * the catalog's two-letter codes would make "the pr…" Puerto Rico.
 */
const NAME_ARTICLES = new Set(["the", "les", "aux"]);

/** Words before a capital that make it a place, not its country: "à Paris", "in London". */
const LOCATIVES = new Set(["a", "au", "in", "at"]);

/** Titles that head a government wherever they are used ("chancelier", "chancellor"); "Premier ministre" is read from its two words. */
const HEAD_OF_GOVERNMENT: ReadonlySet<string> = new Set(["chancelier", "chanceliere", "chancellor"]);
/** Words after "premier ministre" that make it "the first minister" of those named ("le premier ministre cité"). */
const ORDERED_AMONG: ReadonlySet<string> = new Set(["cite", "citee", "mentionne", "mentionnee", "nomme", "nommee", "evoque", "evoquee", "qui"]);
const HEAD_OF_GOVERNMENT_LABELS = {
  premier: { fr: "un Premier ministre", en: "a prime minister" },
  chancellor: { fr: "un chancelier", en: "a chancellor" },
} as const;

/** Determiners a name may follow: "a UN mandate", "les US". */
const NAME_DETERMINERS: Readonly<Record<Language, ReadonlySet<string>>> = {
  en: new Set(["a", "an", "the", "no", "any", "some"]),
  fr: new Set(["les", "le", "la", "l", "des", "du", "aux", "au"]),
};

/** Each language's own small words, for names that fold to a word of the other language only. */
// French "eu" (had) is no stopword, but just as small: "will Ukraine join the eu?" is the EU's.
const OWN_SMALL_WORDS: Readonly<Record<Language, ReadonlySet<string>>> = { fr: new Set([...FRENCH_STOPWORDS, "eu"]), en: new Set(ENGLISH_STOPWORDS) };

/** A number or year no list names ("40", "2025"): made on the spot, never kept (questions hold any digits). */
function anyNumber(token: string): Entity | undefined {
  if (!/^\d{1,6}$/.test(token) || Number(token) < 2) return undefined;
  const { id, kind, label, scale } = numberEntity(token);
  return { id, kind, label, inArticle: false, subject: false, includes: new Set(), ...(scale ? { scale } : {}) };
}

/**
 * Finds the entities a text names. The knowledge's entities take over the catalog's that share a
 * name with them (the article's "Royaume-Uni" is the catalog's United Kingdom, with all its names
 * and its nationality), and a capital stands for its country when the article names that country.
 */
export class EntityLexicon {
  private readonly byKey = new Map<string, string>();
  /**
   * Names that fold to an everyday word ("EU" and the past participle "eu", "UN" and "un"), as
   * written: they count only when the text has them with their capitals.
   */
  private readonly caseSensitive = new Map<string, string[]>();
  private readonly entities = new Map<string, Entity>();
  /** First words of names of several words: only there is a longer name looked for. */
  private readonly firstWords = new Set<string>();
  /** Catalog ids taken over by a knowledge entity, to the knowledge entity's id. */
  private readonly absorbed = new Map<string, string>();
  /** Capitals of the article's countries, by the country they stand for when not a place. */
  private readonly capitalOf = new Map<string, string>();
  /** The country of each place the catalog locates, the article's own places included ("brussels" → Belgium). */
  private readonly placeCountry = new Map<string, string>();
  /** Capitals by name, for names an article's country also goes by ("Kiev" for Ukraine): "à Kiev" is the city. */
  private readonly capitalByKey = new Map<string, string>();
  /** "An official of <country>", made once per country as questions name them. */
  private readonly officials = new Map<string, Entity>();
  /** One-word names of the article's people, by first letter: a surname typed with one mistake ("hakanen") is still them. */
  private readonly surnames = new Map<string, { readonly key: string; readonly id: string }[]>();

  constructor(packs: readonly Pack[], catalog: readonly CatalogEntity[] = entityCatalog()) {
    const declared = packs.flatMap((pack) => pack.entities ?? []);
    const catalogByKey = new Map<string, CatalogEntity>();
    for (const entity of catalog) for (const name of entity.names) catalogByKey.set(nameKey(name), entity);

    const absorbedNames = new Map<string, string[]>();
    const absorbedScales = new Map<string, TimeScale>();
    for (const entity of declared) {
      const own = [...entity.names.fr, ...entity.names.en];
      const taken = new Set<CatalogEntity>();
      for (const name of own) {
        const match = catalogByKey.get(nameKey(name));
        if (match && match.kind === entity.kind) taken.add(match);
      }
      for (const match of taken) this.absorbed.set(match.id, entity.id);
      absorbedNames.set(entity.id, [...taken].flatMap((m) => m.names));
      const scale = [...taken].find((m) => m.scale !== undefined)?.scale;
      if (scale !== undefined) absorbedScales.set(entity.id, scale);
    }
    // A capital of a country the article names stands for it ("Paris et Londres ont lancé…"),
    // except where it is a place ("à Paris", "in London"): see `longestAt`.
    for (const entity of catalog) {
      if (entity.locatedIn !== undefined) this.placeCountry.set(this.absorbed.get(entity.id) ?? entity.id, this.absorbed.get(entity.locatedIn) ?? entity.locatedIn);
      if (entity.capitalOf === undefined || this.absorbed.has(entity.id)) continue;
      for (const name of entity.names) this.capitalByKey.set(nameKey(name), entity.id);
      const country = this.absorbed.get(entity.capitalOf);
      if (country !== undefined) this.capitalOf.set(entity.id, country);
    }
    for (const entity of catalog) {
      if (this.absorbed.has(entity.id)) continue;
      this.entities.set(entity.id, { id: entity.id, kind: entity.kind, label: entity.label, inArticle: false, subject: false, includes: new Set(), ...(entity.scale ? { scale: entity.scale } : {}) });
      this.register(entity.names, entity.id);
    }
    // Registered last, so the article's names win over the catalog's.
    for (const entity of declared) {
      const scale = absorbedScales.get(entity.id);
      this.entities.set(entity.id, { ...this.fromKnowledge(entity), ...(scale ? { scale } : {}) });
      this.register([...(absorbedNames.get(entity.id) ?? []), ...entity.names.fr, ...entity.names.en], entity.id, new Set([...entity.names.fr, ...entity.names.en].map(nameKey)));
      if (entity.kind !== "person") continue;
      for (const name of [...entity.names.fr, ...entity.names.en]) {
        const key = nameKey(name);
        if (key.includes(" ") || key.length < MIN_MISTYPED_NAME) continue;
        this.surnames.set(key[0] ?? "", [...(this.surnames.get(key[0] ?? "") ?? []), { key, id: entity.id }]);
      }
    }
  }

  /** The person whose one-word name `token` mistypes by one letter, if any (a typo rarely hits the first letter). */
  private mistypedSurname(token: string): string | undefined {
    if (token.length < MIN_MISTYPED_NAME || STOPWORDS.has(token) || COMMON_WORDS.has(token)) return undefined;
    return this.surnames.get(token[0] ?? "")?.find((s) => editDistance(token, s.key, 1) <= 1)?.id;
  }

  private fromKnowledge(entity: KnowledgeEntity): Entity {
    const includes = new Set((entity.includes ?? []).map((id) => this.absorbed.get(id) ?? id));
    return {
      id: entity.id,
      kind: entity.kind,
      label: entity.label ?? { fr: entity.names.fr[0] ?? entity.id, en: entity.names.en[0] ?? entity.id },
      inArticle: true,
      subject: entity.subject === true,
      includes,
    };
  }

  /**
   * `own` are the keys of the names the article's knowledge writes itself: a short one that is no
   * word ("UK") counts however typed ("uk?"); the catalog's two-letter codes only in capitals.
   */
  private register(names: readonly string[], id: string, own: ReadonlySet<string> = new Set()): void {
    for (const name of names) {
      const key = nameKey(name);
      if (key === "") continue;
      this.byKey.set(key, id);
      if (key.includes(" ")) this.firstWords.add(key.slice(0, key.indexOf(" ")));
      const ownShortName = own.has(key) && key.length <= 2;
      if (STOPWORDS.has(key) || (!ownShortName && (COMMON_WORDS.has(key) || key.length <= 2))) {
        this.caseSensitive.set(key, [...(this.caseSensitive.get(key) ?? []), name]);
      }
      // Not numbers: "thousands", "milliers" are no count of 1000 ("francs" no France either, below).
      if (!key.includes(" ") && this.entities.get(id)?.kind !== "number" && !STEM_EXCLUDED.has(key)) for (const stemmed of stemKeys(key)) this.byKey.set(stemmed, id);
    }
  }

  get(id: string): Entity | undefined {
    return this.entities.get(this.absorbed.get(id) ?? id) ?? this.officials.get(id);
  }

  /**
   * What a fact names: the entities of its answers, quote and aliases, with the members of the
   * groups among them, and their kinds, the article's subject left out. The evidence index and
   * `knowledge:check` read a fact's names here, so that they agree.
   */
  namedBy(fact: Fact): { readonly ids: ReadonlySet<string>; readonly kinds: ReadonlySet<EntityKind> } {
    const ids = new Set<string>();
    for (const text of [fact.answer.fr, fact.answer.en, fact.quote, ...(fact.aliases?.fr ?? []), ...(fact.aliases?.en ?? [])]) {
      for (const { entity } of this.find(tokenize(text), text)) {
        ids.add(entity.id);
        for (const member of entity.includes) ids.add(member);
      }
    }
    const kinds = new Set<EntityKind>();
    for (const id of ids) {
      const entity = this.get(id);
      if (entity && !entity.subject) kinds.add(entity.kind);
    }
    return { ids, kinds };
  }

  /** The country a place is in, when the catalog knows it: "which Ukrainian city" is not Brussels. */
  countryOf(placeId: string): string | undefined {
    return this.placeCountry.get(placeId);
  }

  /** Every entity of the article's knowledge. */
  declared(): Entity[] {
    return [...this.entities.values()].filter((e) => e.inArticle);
  }

  /**
   * The entities named in a text already cut into folded words; longest names first, no overlaps.
   * `text`, as typed, settles names that are also everyday words ("EU" / "eu").
   */
  find(tokens: readonly string[], text = "", language?: Language): EntityMention[] {
    const mentions: EntityMention[] = [];
    for (let start = 0; start < tokens.length; start++) {
      const found = this.longestAt(tokens, start, text, language);
      if (!found) continue;
      mentions.push(found);
      start = found.tokens[1];
    }
    return [...mentions, ...this.officialsNamed(tokens, mentions, text)];
  }

  /**
   * "le ministre français", "Ukraine's defence minister": a role word next to a country (only
   * words of the role's title between them) names an official of that country, beside the
   * country itself. The mention covers the role word.
   */
  private officialsNamed(tokens: readonly string[], mentions: readonly EntityMention[], text: string): EntityMention[] {
    const found: EntityMention[] = [];
    tokens.forEach((token, at) => {
      let role = ROLE_WORDS.get(token);
      if (role === undefined) return;
      if (PARTICIPLE_ROLE_WORDS.has(token) && RECIPIENT_WORDS.has(tokens[at + 1] ?? "") && !DETERMINED_ENVOY.test(text)) return;
      // "le Premier ministre", "the Prime Minister" heads a government.
      // Not "le premier ministre cité" ("the first minister quoted"): an order among those the text
      // names. "Prime" is never "first".
      const premier = role === "minister" && (tokens[at - 1] === "prime" || (tokens[at - 1] === "premier" && !ORDERED_AMONG.has(tokens[at + 1] ?? "")));
      if (premier) role = "head";
      const country = this.countryNear(tokens, at, mentions);
      if (country) found.push({ entity: this.officialOf(country, role), tokens: [at, at] });
      // Of no country named ("qui est le Premier ministre ?", "what did the chancellor say?"), the
      // office itself is a name: a fact quoting a defence minister does not say what a head of
      // government said. Not "président", which may chair anything ("le président de la réunion").
      else if (premier || HEAD_OF_GOVERNMENT.has(token)) found.push({ entity: this.headOfGovernment(premier ? "premier" : "chancellor"), tokens: [premier ? at - 1 : at, at] });
    });
    return found;
  }

  /** "un Premier ministre", "a chancellor" of no country named: a person the article may not name. */
  private headOfGovernment(office: keyof typeof HEAD_OF_GOVERNMENT_LABELS): Entity {
    const id = `head-of-government:${office}`;
    return this.madeOnce(id, () => ({ id, kind: "person", label: HEAD_OF_GOVERNMENT_LABELS[office], inArticle: false, subject: false, includes: new Set() }));
  }

  /** The official of `id`, made the first time a question names it and kept in `officials`. */
  private madeOnce(id: string, make: () => Entity): Entity {
    let official = this.officials.get(id);
    if (!official) {
      official = make();
      this.officials.set(id, official);
    }
    return official;
  }

  private countryNear(tokens: readonly string[], role: number, mentions: readonly EntityMention[]): Entity | undefined {
    let nearest: { entity: Entity; gap: number } | undefined;
    for (const { entity, tokens: [first, last] } of mentions) {
      if (entity.kind !== "country") continue;
      const [from, to] = last < role ? [last + 1, role] : [role + 1, first];
      const gap = to - from;
      if (gap < 0 || gap > MAX_ROLE_GAP) continue;
      if (!tokens.slice(from, to).every((t) => ROLE_PHRASE_WORDS.has(t))) continue;
      if (!nearest || gap < nearest.gap) nearest = { entity, gap };
    }
    return nearest?.entity;
  }

  /**
   * `official-of:<country>:<role>`; a text naming one also names `official-of:<country>`, which a
   * question asking for any official of the country ("les dirigeants finlandais") names.
   */
  private officialOf(country: Entity, role: OfficialRole): Entity {
    const id = role === "official" ? `official-of:${country.id}` : `official-of:${country.id}:${role}`;
    const includes = (): Set<string> => new Set(role === "official" ? [] : [`official-of:${country.id}`]);
    return this.madeOnce(id, () => ({ id, kind: "person", label: country.label, inArticle: false, subject: false, includes: includes(), officialOf: { country, role } }));
  }

  /** Whether `key` names an entity of the article's knowledge. */
  private declaresKey(key: string): boolean {
    const id = this.byKey.get(key);
    return id !== undefined && this.entities.get(id)?.inArticle === true;
  }

  /**
   * A name that folds to a small word of the other language only is the name in this one after a
   * determiner, however typed: "a un mandate" in English is the UN's ("un" is French), "des us" in
   * French the United States' ("us" is English). Only the article's names and organisations: a
   * catalog's country code ("de", "es") stays as written.
   */
  private foreignWordName(key: string, language: Language | undefined, before: string): boolean {
    // "un-defined", "tell us" follow no determiner: they stay words.
    if (language === undefined || OWN_SMALL_WORDS[language].has(key) || !NAME_DETERMINERS[language].has(before)) return false;
    const other = language === "fr" ? "en" : "fr";
    if (!OWN_SMALL_WORDS[other].has(key)) return false;
    const id = this.byKey.get(key);
    const entity = id === undefined ? undefined : this.entities.get(id);
    return entity !== undefined && (entity.inArticle || entity.kind === "organisation");
  }

  private longestAt(tokens: readonly string[], start: number, text: string, language?: Language): EntityMention | undefined {
    const longest = this.firstWords.has(tokens[start] ?? "") ? Math.min(MAX_NAME_WORDS, tokens.length - start) : 1;
    for (let count = longest; count >= 1; count--) {
      const key = count === 1 ? (tokens[start] ?? "") : tokens.slice(start, start + count).join(" ");
      const written = this.caseSensitive.get(key);
      // A text in capitals throughout ("Y A-T-IL UN CESSEZ-LE-FEU") says nothing by its case.
      if (written && !(NAME_ARTICLES.has(tokens[start - 1] ?? "") && this.declaresKey(key)) && !this.foreignWordName(key, language, tokens[start - 1] ?? "") && (!/\p{Ll}/u.test(text) || !written.some((name) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, "u").test(text)))) continue;
      let id = this.byKey.get(key);
      const afterLocative = LOCATIVES.has(tokens[start - 1] ?? "");
      // "réunis à Kiev", "in Washington": where something happens, a capital is the city, though the article names its country so.
      // Not "in Kyiv's eyes": a possessive is the country.
      const capital = afterLocative ? this.capitalByKey.get(key) : undefined;
      const city = capital !== undefined && !new RegExp(`${escapeRegExp(key)}['’]s(?![\\p{L}\\p{N}])`, "iu").test(text) ? capital : undefined;
      if (city !== undefined && id !== undefined && this.entities.get(id)?.kind === "country") id = city;
      // By stem only a word that has an ending to lose ("allemands", "norvégienne"): "réunion" is no "Réunionnais".
      if (id === undefined && count === 1) {
        id = stemKeys(key).filter((k) => k !== `~${key}`).map((k) => this.byKey.get(k)).find((k) => k !== undefined) ?? this.mistypedSurname(key);
      }
      // A capital stands for its country, unless it is where something happens ("à Paris").
      const country = id === undefined || afterLocative ? undefined : this.capitalOf.get(id);
      const entity = id === undefined ? (count === 1 ? anyNumber(key) : undefined) : this.entities.get(country ?? id);
      if (entity) return { entity, tokens: [start, start + count - 1] };
    }
    return undefined;
  }
}
