import { describe, expect, it } from 'vitest';
import {
  closeLanguageModels,
  decideCloseLanguage,
  markerVotes,
  packCloseLanguageModels,
  rankCloseLanguages,
  trainCloseLanguageModel,
  unpackCloseLanguageModels,
} from '../../../../src/workers/enricher/close-languages.js';
import { decodePack } from '../../../../src/workers/enricher/model-pack.js';
import { detectLanguage } from '../../../../src/workers/enricher/detect-language.js';

// News paragraphs written for this test (fictional events).
const INDONESIAN =
  'Pemerintah mengumumkan pada hari Senin bahwa harga bahan bakar akan naik 10 persen mulai bulan Maret. ' +
  'Menurut juru bicara kementerian, kebijakan itu diambil karena anggaran subsidi sudah terlalu besar. ' +
  'Polisi berjaga di beberapa kota setelah ratusan mahasiswa berunjuk rasa di depan kantor gubernur. ' +
  'Sejumlah perusahaan angkutan mengatakan tarif juga bisa naik. Keputusan akhir diharapkan pekan depan.';
const MALAY =
  'Kerajaan mengumumkan pada hari Isnin bahawa harga bahan api akan naik 10 peratus mulai bulan Mac. ' +
  'Menurut jurucakap kementerian, dasar itu diambil kerana peruntukan subsidi sudah terlalu besar. ' +
  'Polis berkawal di beberapa bandar selepas ratusan pelajar berhimpun di hadapan pejabat menteri besar. ' +
  'Beberapa syarikat pengangkutan berkata tambang juga mungkin naik. Keputusan muktamad dijangka minggu depan.';

describe(decideCloseLanguage.name, () => {
  it('tells Indonesian from Malay by their marker words, whichever of the two the detector said', () => {
    expect(decideCloseLanguage(INDONESIAN, 'ms')).toBe('id');
    expect(decideCloseLanguage(INDONESIAN, 'id')).toBe('id');
    expect(decideCloseLanguage(MALAY, 'id')).toBe('ms');
  });

  it('tells Serbian (ekavian, Latin script) from Croatian and Bosnian', () => {
    const serbian = 'Predsednik je posle sednice vlade rekao da će cene struje ostati iste do decembra. Građani su u to vreme uvek plaćali manje.';
    const croatian = 'Predsjednik je poslije sjednice vlade rekao da će cijene struje ostati iste do prosinca. Tijekom tjedna bit će poznato tko plaća.';
    const bosnian = 'Predsjednik je poslije sjednice vlade rekao da će cijene struje ostati iste do decembra. Historija pokazuje šta se dešava tokom sedmice.';
    expect(decideCloseLanguage(serbian, 'hr')).toBe('sr');
    expect(decideCloseLanguage(croatian, 'bs')).toBe('hr');
    expect(decideCloseLanguage(bosnian, 'hr')).toBe('bs');
  });

  it('tells Czech from Slovak, Galician from Portuguese and Spanish, Danish from Norwegian', () => {
    expect(decideCloseLanguage('Vláda podle ministra schválila rozpočet, který počítá s vyššími daněmi pro firmy.', 'sk')).toBe('cs');
    expect(decideCloseLanguage('Vláda podľa ministra schválila rozpočet, ktorý počíta s vyššími daňami pre firmy.', 'cs')).toBe('sk');
    expect(decideCloseLanguage('O goberno non aprobou aínda unha nova lei, pero xa anunciou que o fará cando remate o ano.', 'pt')).toBe('gl');
    expect(decideCloseLanguage('O governo não aprovou ainda uma nova lei, mas já anunciou que o fará quando terminar o ano.', 'gl')).toBe('pt');
    expect(decideCloseLanguage('El gobierno no aprobó todavía una nueva ley, pero ya anunció que lo hará cuando termine el año.', 'gl')).toBe('es');
    expect(decideCloseLanguage('Regeringen sagde efter mødet, at der nu er brug for meget mere hjælp.', 'no')).toBe('da');
    expect(decideCloseLanguage('Regjeringen sa etter møtet at det nå er behov for mye mer hjelp.', 'da')).toBe('no');
  });

  it('keeps the detector’s answer when the markers tie and there is no model, or the language has no close group', () => {
    expect(markerVotes('Jakarta dan Kuala Lumpur.', 'ms')).toEqual([['id', 0], ['ms', 0]]);
    expect(decideCloseLanguage('Jakarta dan Kuala Lumpur.', 'ms', [])).toBe('ms');
    expect(decideCloseLanguage('Le gouvernement a annoncé une réforme.', 'fr')).toBe('fr');
  });

  it('keeps a reliable detector’s answer when the vote is close (Spanish / Galician / Portuguese)', () => {
    const text = 'A equipa venceu depois de uma longa disputa diante de cinquenta mil adeptos.';
    expect(markerVotes(text, 'pt')[0]).toEqual(['pt', 1]);
    expect(decideCloseLanguage(text, 'gl')).toBe('gl');
  });

  it('asks the naive Bayes model when the vote is close', () => {
    const model = trainCloseLanguageModel(
      new Map([
        ['id', ['orang orang itu berhak', 'semua orang berhak']],
        ['ms', ['setiap insan berhak', 'insan insan itu berhak']],
      ]),
    );
    expect(decideCloseLanguage('Orang itu berhak.', 'ms', [model])).toBe('id');
    expect(decideCloseLanguage('Insan itu berhak.', 'id', [model])).toBe('ms');
  });
});

describe(trainCloseLanguageModel.name, () => {
  it('ranks the member whose words and letter n-grams the text shares, and survives its pack', () => {
    const model = trainCloseLanguageModel(new Map([['cs', ['který jsou také když']], ['sk', ['ktorý sú tiež keď']]]));
    expect(rankCloseLanguages(model, 'jsou když')[0]?.[0]).toBe('cs');
    const [back] = unpackCloseLanguageModels(decodePack(packCloseLanguageModels([model])));
    expect(back?.members).toEqual(['cs', 'sk']);
    expect(rankCloseLanguages(back as typeof model, 'sú keď')[0]?.[0]).toBe('sk');
    const a = rankCloseLanguages(model, 'ktorý sú');
    const b = rankCloseLanguages(back as typeof model, 'ktorý sú');
    expect(b.map(([m]) => m)).toEqual(a.map(([m]) => m));
    expect(b[0]?.[1]).toBeCloseTo(a[0]?.[1] as number, 0);
  });

  it('ships a model for Indonesian / Malay', () => {
    expect(closeLanguageModels().map((m) => m.members)).toEqual([['id', 'ms']]);
  });
});

describe('detectLanguage with close languages', () => {
  it('reads an Indonesian news paragraph as Indonesian and a Malay one as Malay', () => {
    expect(detectLanguage(INDONESIAN).language).toBe('id');
    expect(detectLanguage(MALAY).language).toBe('ms');
  });
});
