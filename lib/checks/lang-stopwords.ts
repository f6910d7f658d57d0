import { baseLang } from "./lang-scripts";

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

/**
 * Function words per language: articles, prepositions, conjunctions,
 * pronouns and common adverbs. Written in lower case; none of them is ever
 * capitalised inside a clause. German "Sie"/"Ihr" (polite forms) and English
 * "I" are left out for that reason.
 */
export const FUNCTION_WORDS: Record<string, Set<string>> = {
  de: words(`
    der die das den dem des ein eine einer eines einem einen
    und oder aber auch sondern denn doch jedoch sowie sowohl weder noch
    bei mit in im ins am an auf aus von vom zu zur zum für über unter nach vor seit bis durch gegen ohne um neben zwischen während wegen trotz
    als wie wenn dass ob weil da damit obwohl falls sobald bevor nachdem wo wobei
    es er wir ich man sich ihm ihn uns dieser diese dieses diesen diesem jener jene
    nicht kein keine keinen nur schon sehr noch dann so also zwar
  `),
  en: words(`
    the an and or but nor also yet so
    at with in on of to for from by about into over under after before since until through against without between during
    as if that when while because although though whether which who whom whose where
    it he she we they his her its their our this these those there
    not very then than
  `),
  fr: words(`
    le la les un une des du au aux et ou mais donc car ni aussi puis
    à avec dans en sur pour par sans chez sous vers entre depuis pendant contre
    que qui quand si comme dont lorsque puisque quoique
    il elle ils elles nous vous on ce cette ces cet son sa ses leur leurs
    ne pas très déjà
  `),
  es: words(`
    el la los las un una unos unas y e o u pero sino también ni
    con en de del al por para sin sobre entre desde hasta hacia durante contra tras
    que quien cuando si como donde porque aunque mientras
    él ella ellos ellas nosotros se su sus lo le les este esta estos estas ese esa esos esas
    no muy ya
  `),
  ru: words(`
    и а но или также тоже либо
    в во на по для от из к ко о об с со у за под над при про без до через между
    что как когда если чтобы потому хотя где который которая которые которого
    он она оно они мы это этот эта эти его её их не очень уже
  `),
};

/** Function words of a language (empty for languages without a list). */
export function functionWords(lang: string): Set<string> {
  return FUNCTION_WORDS[baseLang(lang)] ?? new Set();
}

/**
 * Words that mark a run of text as written in a language: frequent function
 * words that the other listed languages do not share. Used to spot English
 * left inside a French sentence.
 */
export const MARKER_WORDS: Record<string, Set<string>> = {
  en: words(`
    the and of to with for from by about into over under after before since until through against without between during
    that when while because although though whether which who whom whose where
    it he she we they his her its their our this these those there is are was were been being has have had will would could should
    not very than what how can does did just more most such only
  `),
  de: words(`
    der die das den dem des ein eine einer eines einem einen und oder aber auch sondern
    bei mit im zum zur für über unter nach vor seit durch gegen ohne zwischen während
    dass ob weil wenn wie als es er wir ich sich ist sind war wurde werden hat haben nicht kein keine sehr noch schon
  `),
  fr: words(`
    le la les une des du au aux et mais donc car à avec dans sur pour par sans chez vers entre depuis pendant
    que qui quand comme dont lorsque il elle ils elles nous vous on ce cette ces cet son sa ses leur leurs
    est sont était ont avait pas très déjà
  `),
  es: words(`
    el la los las una unos unas y pero también con en del al por para sin sobre entre desde hasta hacia durante
    que quien cuando como donde porque aunque él ella ellos ellas nosotros se su sus lo este esta estos estas ese esa
    es son era fue ha han muy ya
  `),
};
