/**
 * Close languages that a character n-gram detector (CLD3) confuses on news:
 * Indonesian and Malay; Croatian, Serbian and Bosnian (Latin script); Czech
 * and Slovak; Spanish, Galician and Portuguese; Danish and Norwegian. Once the
 * detector has named one language of such a group, the group's marker words
 * (standard-language spellings and words that only some members use: month
 * names, "karena"/"kerana", "vreme"/"vrijeme", "non"/"não"/"no"...) and
 * letters vote among its members; the lists were written from the languages'
 * standard usage, not fitted to any test text. A clear vote overrules the
 * detector. Where the detector is weak (Indonesian / Malay, Croatian / Serbian
 * / Bosnian), a close vote is settled by a naive Bayes model of words and
 * letter n-grams (data/close-languages.bin, trained by `npm run train:lang` on
 * the Universal Declaration of Human Rights: Indonesian and Malay only, the
 * Croatian, Serbian and Bosnian declarations are too alike to train on), or
 * else by the vote's winner.
 */
import { encodePack, keyRow, type KeyTable, keyTableEntries, loadPack, MODEL_FILES, type Pack, packArray, packKeyTable, buildKeyTable } from './model-pack.js';

type Group = {
  members: readonly string[];
  /**
   * CLD3 reads this group poorly (measured by `npm run train:lang`: Indonesian,
   * and Croatian / Serbian / Bosnian): a close vote or the naive Bayes model may
   * then overrule it. Elsewhere only a clear vote does.
   */
  detectorWeak?: boolean;
  /** Word (lowercase) -> the members that use it. */
  words: ReadonlyMap<string, readonly string[]>;
  /** Letter (lowercase) -> the members that use it. */
  letters?: ReadonlyMap<string, readonly string[]>;
};

/** "lang: word word ..." lines -> word -> languages (a word listed under two languages counts for both). */
function markers(spec: Record<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [langs, list] of Object.entries(spec)) {
    for (const w of list.split(/\s+/).filter(Boolean)) out.set(w, [...(out.get(w) ?? []), ...langs.split('+')]);
  }
  return out;
}

const GROUPS: readonly Group[] = [
  {
    members: ['id', 'ms'],
    detectorWeak: true,
    words: markers({
      id: `karena bisa uang pemerintah pemerintahan polisi persen kantor senin kamis jumat maret juni juli agustus desember
        setelah sesudah kemarin besok perusahaan provinsi kabupaten kebijakan anggaran mengatakan yaitu maupun mau saat proyek
        kualitas aktivitas universitas komunitas informasi dokter miliar triliun rupiah ujar tentara pajak bandara
        lantaran nggak enggak`,
      ms: `kerana kerajaan polis peratus isnin khamis jumaat mac jun julai ogos disember selepas
        syarikat bajet iaitu mahupun mahu projek kualiti aktiviti universiti komuniti maklumat bilion trilion ringgit
        sahaja mengikut tentera cukai perlembagaan`,
    }),
  },
  {
    members: ['hr', 'sr', 'bs'],
    detectorWeak: true,
    words: markers({
      sr: `vreme reč reči mleko deca dete lepo reka svet sveta mesto mesta pesma vesti cena cene uvek gde posle vek veka
        telo tela verovatno predsednik predsednika rešenje rešenja primer primera mera ovde ponedeljak sreda sednica sednici
        istorija istorije avgust izveštaj dešava desio hleb`,
      'hr+bs': `vrijeme riječ riječi mlijeko djeca dijete lijepo rijeka svijet svijeta mjesto mjesta pjesma vijesti cijena
        cijene uvijek gdje poslije vijek vijeka tijelo predsjednik predsjednika rješenje primjer primjera mjera ovdje sjednica
        sjednici općina općine izvještaj`,
      hr: `tisuća tisuće tjedan tjedna glazba povijest povijesti znanost sveučilište obitelj obitelji tko također tijekom kruh
        vlak zrakoplov izvješće siječanj siječnja veljača veljače ožujak ožujka travanj travnja svibanj svibnja lipanj lipnja
        srpanj srpnja kolovoz kolovoza rujan rujna listopad listopada studeni studenoga prosinac prosinca`,
      'sr+bs': `hiljada hiljade ko šta takođe tokom porodica porodice nauka univerzitet voz januar januara februar februara mart
        marta jun juna jul jula septembar septembra oktobar oktobra novembar novembra decembar decembra`,
      bs: `historija historije historijski sedmica sedmice hljeb`,
    }),
  },
  {
    members: ['cs', 'sk'],
    words: markers({
      cs: `jsou být také podle který která které kteří jejich mezi nebo přes protože když`,
      sk: `sú byť tiež podľa ktorý ktorá ktoré ktorí ich medzi alebo cez pretože keď`,
    }),
    letters: markers({ cs: 'ř ů ě', sk: 'ä ô ľ ĺ ŕ' }),
  },
  {
    members: ['es', 'gl', 'pt'],
    words: markers({
      es: `y el los del las una pero muy más también cuando hasta gobierno esto fue año años hay sus según porque`,
      gl: `non unha unhas coa coas polo pola polos nun nunha dun dunha xa máis tamén cando ata goberno lle lles ano anos hai seu súa`,
      pt: `não uma umas com pelo pela pelos mais também quando até governo ano anos há seu sua são foram isso`,
      'es+gl': `con`,
      'gl+pt': `e o os da do das dos ao foi isto`,
    }),
    letters: markers({ es: 'ñ', pt: 'ã õ ç' }),
  },
  {
    members: ['da', 'no'],
    words: markers({
      da: `af efter nu meget hvad mig dig sig været siger sagde uge regeringen blev havde mellem nogle noget`,
      no: `av etter nå mye hva meg deg seg vært sier uke regjeringen ble hadde mellom noen noe ikkje ein eit frå kva korleis`,
    }),
  },
];

const GROUP_OF = new Map<string, Group>();
for (const g of GROUPS) for (const m of g.members) GROUP_OF.set(m, g);

/** The marker vote: each member's count of marker words and letters in `text`, highest first. */
export function markerVotes(text: string, detected: string): Array<[string, number]> {
  const group = GROUP_OF.get(detected);
  if (!group) return [];
  const score = new Map<string, number>(group.members.map((m) => [m, 0]));
  const add = (langs: readonly string[] | undefined) => {
    for (const l of langs ?? []) score.set(l, (score.get(l) ?? 0) + 1);
  };
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(/\p{L}+/gu)) add(group.words.get(m[0]));
  if (group.letters) for (const ch of lower) add(group.letters.get(ch));
  return [...score].sort((a, b) => b[1] - a[1]);
}

// ---------- naive Bayes over words and letter n-grams ----------

/** Features of a text for the naive Bayes model: each word ("w:word") and the 1- to 4-letter pieces of " word ". */
export function closeLanguageFeatures(text: string, visit: (feature: string) => void): void {
  for (const m of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    const w = ` ${m[0]} `;
    visit(`w:${m[0]}`);
    for (let n = 1; n <= 4; n++) for (let i = 0; i + n <= w.length; i++) visit(w.slice(i, i + n));
  }
}

/** One group's model: log P(feature | member) per feature row (members in order), and the log probability of an unseen feature. */
export type CloseLanguageModel = { members: readonly string[]; table: KeyTable; logProb: Float32Array; unseen: Float32Array };

const FORMAT = 'telex close languages v1';

/** Trains a group's model from each member's texts: add-`alpha` smoothed counts of closeLanguageFeatures. */
export function trainCloseLanguageModel(texts: ReadonlyMap<string, readonly string[]>, alpha = 0.1): CloseLanguageModel {
  const members = [...texts.keys()];
  const counts = members.map(() => new Map<string, number>());
  const totals = members.map(() => 0);
  const vocab = new Set<string>();
  members.forEach((m, k) => {
    for (const t of texts.get(m) ?? []) {
      closeLanguageFeatures(t, (f) => {
        counts[k]?.set(f, (counts[k]?.get(f) ?? 0) + 1);
        totals[k] = (totals[k] as number) + 1;
        vocab.add(f);
      });
    }
  });
  const keys = [...vocab].sort();
  const M = members.length;
  const logProb = new Float32Array(keys.length * M);
  const unseen = Float32Array.from(totals, (tot) => Math.log(alpha / (tot + alpha * keys.length)));
  keys.forEach((f, r) => {
    for (let k = 0; k < M; k++) logProb[r * M + k] = Math.log(((counts[k]?.get(f) ?? 0) + alpha) / ((totals[k] as number) + alpha * keys.length));
  });
  return { members, table: buildKeyTable(keys), logProb, unseen };
}

/** The members of `model` ranked for `text`, best first, with their log likelihoods. */
export function rankCloseLanguages(model: CloseLanguageModel, text: string): Array<[string, number]> {
  const M = model.members.length;
  const score = Float64Array.from(model.unseen, () => 0);
  closeLanguageFeatures(text, (f) => {
    const r = keyRow(model.table, f);
    for (let k = 0; k < M; k++) score[k] = (score[k] as number) + (r < 0 ? (model.unseen[k] as number) : (model.logProb[r * M + k] as number));
  });
  return model.members.map((m, k): [string, number] => [m, score[k] as number]).sort((a, b) => b[1] - a[1]);
}

/** Group models as a pack (log probabilities to 0.01). */
export function packCloseLanguageModels(models: readonly CloseLanguageModel[]): Uint8Array {
  const arrays = {};
  models.forEach((m, i) => {
    Object.assign(arrays, keyTableEntries(`g${i}`, m.table), { [`g${i}.logProb`]: { array: m.logProb, q16Scale: 100 }, [`g${i}.unseen`]: { array: m.unseen } });
  });
  return encodePack({ format: FORMAT, groups: models.map((m) => m.members) }, arrays);
}

export function unpackCloseLanguageModels(pack: Pack): CloseLanguageModel[] {
  if (pack.meta['format'] !== FORMAT) throw new Error('not a telex close-languages model');
  return (pack.meta['groups'] as string[][]).map((members, i) => ({
    members,
    table: packKeyTable(pack, `g${i}`),
    logProb: packArray(pack, `g${i}.logProb`, Float32Array),
    unseen: packArray(pack, `g${i}.unseen`, Float32Array),
  }));
}

let MODELS: CloseLanguageModel[] | null = null;

/** The committed models, loaded on first use (read once per process and shared by its threads, model-pack.ts). */
export function closeLanguageModels(): CloseLanguageModel[] {
  MODELS ??= unpackCloseLanguageModels(loadPack(MODEL_FILES.closeLanguages));
  return MODELS;
}

/** Marker votes at least this far apart decide without the naive Bayes model. */
const CLEAR_VOTE = 2;

/**
 * The member of `detected`'s close-language group that `text` is written in:
 * the marker vote when it is clear; where the detector is weak, else the
 * group's naive Bayes model (if any), else the vote's winner; otherwise
 * `detected` itself (also when it has no group or nothing tells).
 */
export function decideCloseLanguage(text: string, detected: string, models: readonly CloseLanguageModel[] = closeLanguageModels()): string {
  const votes = markerVotes(text, detected);
  const [first, second] = votes;
  if (!first || !second) return detected;
  if (first[1] - second[1] >= CLEAR_VOTE) return first[0];
  if (!GROUP_OF.get(detected)?.detectorWeak) return detected;
  const model = models.find((m) => m.members.includes(detected));
  if (model) return (rankCloseLanguages(model, text)[0] as [string, number])[0];
  return first[1] > second[1] ? first[0] : detected;
}
