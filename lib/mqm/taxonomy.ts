/**
 * The MQM error typology as used by WMT and Google's Anthea, plus
 * Accuracy/Mistranslation/Entity for garbled names. Paths use "/" like the
 * WMT TSV files ("Accuracy/Mistranslation", "Fluency/Punctuation").
 */
export interface MqmCategory {
  path: string;
  name: string;
  children: MqmCategory[];
}

type Tree = { [name: string]: Tree };

const TREE: Tree = {
  Accuracy: {
    Mistranslation: { Entity: {} },
    Addition: {},
    Omission: {},
    "Untranslated text": {},
  },
  Fluency: {
    Grammar: {},
    Spelling: {},
    Punctuation: {},
    Register: {},
    Inconsistency: {},
    "Character encoding": {},
    Display: {},
  },
  Terminology: {
    "Inappropriate for context": {},
    "Inconsistent use of terminology": {},
  },
  Style: { Awkward: {} },
  "Locale convention": {
    "Address format": {},
    "Currency format": {},
    "Date format": {},
    "Name format": {},
    "Telephone format": {},
    "Time format": {},
  },
  "Source error": {},
  "Non-translation": {},
  Other: {},
};

function build(tree: Tree, prefix: string): MqmCategory[] {
  return Object.entries(tree).map(([name, children]) => {
    const path = prefix ? `${prefix}/${name}` : name;
    return { path, name, children: build(children, path) };
  });
}

export const MQM_TAXONOMY: MqmCategory[] = build(TREE, "");

function flatten(categories: MqmCategory[]): string[] {
  return categories.flatMap((category) => [category.path, ...flatten(category.children)]);
}

/** Every category path, parents before their children. */
export const MQM_CATEGORY_PATHS: readonly string[] = flatten(MQM_TAXONOMY);

const KNOWN = new Set(MQM_CATEGORY_PATHS);

export function isMqmCategory(path: string): boolean {
  return KNOWN.has(path);
}

/** Omissions and source errors are marked on the source segment, everything else on the target. */
export function isMarkedOnSource(path: string): boolean {
  return path === "Accuracy/Omission" || path === "Source error";
}

/** Categories whose path contains every word of the query, case-insensitively, for type-to-filter. */
export function filterCategories(query: string): string[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return MQM_CATEGORY_PATHS.filter((path) => words.every((word) => path.toLowerCase().includes(word)));
}

export const SEVERITIES = ["major", "minor", "neutral"] as const;
export type Severity = (typeof SEVERITIES)[number];
