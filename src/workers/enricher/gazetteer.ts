/**
 * Gazetteers for entity typing, written for this project: countries with
 * aliases and demonyms, capitals and major cities, regions, well-known
 * organisations, organisation head words, and person titles.
 */

// "Canonical name|alias|alias;demonym|demonym" one country per line.
const COUNTRIES = `
Afghanistan;Afghan|Afghans
Albania;Albanian|Albanians
Algeria;Algerian|Algerians
Angola;Angolan|Angolans
Argentina;Argentine|Argentinian|Argentines|Argentinians
Armenia;Armenian|Armenians
Australia;Australian|Australians
Austria;Austrian|Austrians
Azerbaijan;Azerbaijani|Azerbaijanis|Azeri
Bahrain;Bahraini|Bahrainis
Bangladesh;Bangladeshi|Bangladeshis
Belarus;Belarusian|Belarusians
Belgium;Belgian|Belgians
Bolivia;Bolivian|Bolivians
Bosnia and Herzegovina|Bosnia;Bosnian|Bosnians
Botswana;Botswanan
Brazil;Brazilian|Brazilians
Bulgaria;Bulgarian|Bulgarians
Burkina Faso;Burkinabe
Cambodia;Cambodian|Cambodians
Cameroon;Cameroonian|Cameroonians
Canada;Canadian|Canadians
Chad;Chadian|Chadians
Chile;Chilean|Chileans
China|People's Republic of China|PRC|mainland China;Chinese
Colombia;Colombian|Colombians
Congo|Democratic Republic of Congo|Democratic Republic of the Congo|DR Congo|DRC;Congolese
Costa Rica;Costa Rican|Costa Ricans
Croatia;Croatian|Croatians|Croat|Croats
Cuba;Cuban|Cubans
Cyprus;Cypriot|Cypriots
Czech Republic|Czechia;Czech|Czechs
Denmark;Danish|Danes|Dane
Dominican Republic;Dominican|Dominicans
Ecuador;Ecuadorian|Ecuadorians
Egypt;Egyptian|Egyptians
El Salvador;Salvadoran|Salvadorans
Eritrea;Eritrean|Eritreans
Estonia;Estonian|Estonians
Ethiopia;Ethiopian|Ethiopians
Finland;Finnish|Finns
France;French|Frenchman|Frenchwoman
Georgia;Georgian|Georgians
Germany;German|Germans
Ghana;Ghanaian|Ghanaians
Greece;Greek|Greeks
Guatemala;Guatemalan|Guatemalans
Guinea;Guinean|Guineans
Haiti;Haitian|Haitians
Honduras;Honduran|Hondurans
Hungary;Hungarian|Hungarians
Iceland;Icelandic|Icelanders
India;Indian|Indians
Indonesia;Indonesian|Indonesians
Iran;Iranian|Iranians
Iraq;Iraqi|Iraqis
Ireland|Republic of Ireland;Irish
Israel;Israeli|Israelis
Italy;Italian|Italians
Ivory Coast|Cote d'Ivoire|Côte d'Ivoire;Ivorian|Ivorians
Jamaica;Jamaican|Jamaicans
Japan;Japanese
Jordan;Jordanian|Jordanians
Kazakhstan;Kazakh|Kazakhs|Kazakhstani
Kenya;Kenyan|Kenyans
Kosovo;Kosovar|Kosovars
Kuwait;Kuwaiti|Kuwaitis
Kyrgyzstan;Kyrgyz
Laos;Lao|Laotian|Laotians
Latvia;Latvian|Latvians
Lebanon;Lebanese
Liberia;Liberian|Liberians
Libya;Libyan|Libyans
Lithuania;Lithuanian|Lithuanians
Luxembourg;Luxembourger
Madagascar;Malagasy
Malawi;Malawian|Malawians
Malaysia;Malaysian|Malaysians
Mali;Malian|Malians
Malta;Maltese
Mauritania;Mauritanian
Mexico;Mexican|Mexicans
Moldova;Moldovan|Moldovans
Mongolia;Mongolian|Mongolians
Montenegro;Montenegrin
Morocco;Moroccan|Moroccans
Mozambique;Mozambican|Mozambicans
Myanmar|Burma;Burmese
Namibia;Namibian|Namibians
Nepal;Nepali|Nepalese
Netherlands|Holland|the Netherlands;Dutch
New Zealand;New Zealander|New Zealanders|Kiwi
Nicaragua;Nicaraguan|Nicaraguans
Niger;Nigerien
Nigeria;Nigerian|Nigerians
North Korea|DPRK|Democratic People's Republic of Korea;North Korean|North Koreans
North Macedonia|Macedonia;Macedonian|Macedonians
Norway;Norwegian|Norwegians
Oman;Omani|Omanis
Pakistan;Pakistani|Pakistanis
Palestine|Palestinian territories;Palestinian|Palestinians
Panama;Panamanian|Panamanians
Paraguay;Paraguayan|Paraguayans
Peru;Peruvian|Peruvians
Philippines|the Philippines;Filipino|Filipinos|Philippine
Poland;Polish|Poles
Portugal;Portuguese
Qatar;Qatari|Qataris
Romania;Romanian|Romanians
Russia|Russian Federation;Russian|Russians
Rwanda;Rwandan|Rwandans
Saudi Arabia;Saudi|Saudis
Senegal;Senegalese
Serbia;Serbian|Serbians|Serb|Serbs
Sierra Leone;Sierra Leonean
Singapore;Singaporean|Singaporeans
Slovakia;Slovak|Slovaks|Slovakian
Slovenia;Slovenian|Slovenians|Slovene
Somalia;Somali|Somalis
South Africa;South African|South Africans
South Korea|Republic of Korea|ROK;South Korean|South Koreans
South Sudan;South Sudanese
Spain;Spanish|Spaniards|Spaniard
Sri Lanka;Sri Lankan|Sri Lankans
Sudan;Sudanese
Sweden;Swedish|Swedes
Switzerland;Swiss
Syria;Syrian|Syrians
Taiwan;Taiwanese
Tajikistan;Tajik|Tajiks
Tanzania;Tanzanian|Tanzanians
Thailand;Thai|Thais
Tunisia;Tunisian|Tunisians
Turkey|Turkiye|Türkiye;Turkish|Turks
Turkmenistan;Turkmen
Uganda;Ugandan|Ugandans
Ukraine;Ukrainian|Ukrainians
United Arab Emirates|UAE|Emirates;Emirati|Emiratis
United Kingdom|UK|U.K.|Britain|Great Britain;British|Briton|Britons
United States|U.S.|US|USA|U.S.A.|America|United States of America;American|Americans
Uruguay;Uruguayan|Uruguayans
Uzbekistan;Uzbek|Uzbeks
Venezuela;Venezuelan|Venezuelans
Vietnam|Viet Nam;Vietnamese
Yemen;Yemeni|Yemenis
Zambia;Zambian|Zambians
Zimbabwe;Zimbabwean|Zimbabweans
Korea;Korean|Koreans
England;English
Scotland;Scottish|Scots
Wales;Welsh
Vatican|Vatican City;
Hong Kong;
Gaza|Gaza Strip;
West Bank;
Crimea;
Tibet;Tibetan|Tibetans
Chechnya;Chechen|Chechens
Kurdistan;Kurdish|Kurds
Greenland;Greenlandic
Puerto Rico;Puerto Rican|Puerto Ricans
`;

// Capitals, major cities, regions, US states and other places: "Name|alias" per line.
const OTHER_PLACES = `
Beijing|Peking
Seoul
Pyongyang
Tokyo
Shanghai
Hong Kong
Taipei
Moscow
Kyiv|Kiev
Washington|Washington D.C.|Washington, D.C.
New York|New York City
Los Angeles
Chicago
San Francisco
Boston
Houston
Miami
Seattle
Atlanta
Dallas
Detroit
Philadelphia
London
Paris
Berlin
Madrid
Rome
Brussels
Vienna
Geneva
Zurich
Amsterdam
The Hague
Stockholm
Oslo
Copenhagen
Helsinki
Warsaw
Prague
Budapest
Bucharest
Athens
Lisbon
Dublin
Edinburgh
Manchester
Liverpool
Barcelona
Milan
Munich
Frankfurt
Hamburg
Istanbul
Ankara
Tehran
Baghdad
Damascus
Beirut
Jerusalem
Tel Aviv
Amman
Cairo
Riyadh
Jeddah
Mecca
Doha
Dubai
Abu Dhabi
Kabul
Islamabad
Karachi
Lahore
New Delhi
Delhi
Mumbai|Bombay
Kolkata|Calcutta
Bangalore|Bengaluru
Chennai
Dhaka
Kathmandu
Colombo
Bangkok
Hanoi
Ho Chi Minh City|Saigon
Phnom Penh
Manila
Jakarta
Kuala Lumpur
Singapore
Sydney
Melbourne
Canberra
Auckland
Wellington
Ottawa
Toronto
Montreal
Vancouver
Mexico City
Havana
Bogota|Bogotá
Caracas
Lima
Santiago
Buenos Aires
Brasilia|Brasília
Rio de Janeiro
Sao Paulo|São Paulo
Nairobi
Addis Ababa
Lagos
Abuja
Accra
Johannesburg
Cape Town
Pretoria
Kinshasa
Khartoum
Tripoli
Tunis
Algiers
Rabat
Casablanca
Kampala
Kigali
Dakar
Harare
Mogadishu
Minsk
Tbilisi
Yerevan
Baku
Tashkent
Astana
Almaty
Ulaanbaatar
Osaka
Kyoto
Guangzhou
Shenzhen
Wuhan
Chengdu
Busan
Incheon
Geneva
Strasbourg
Luxembourg
Marseille
Lyon
Naples
Venice
Florence
Kharkiv
Odesa|Odessa
Mariupol
Gaza City
Ramallah
Aleppo
Mosul
Basra
Kandahar
Peshawar
Europe
Asia
Africa
North America
South America
Latin America
Middle East
Central Asia
Southeast Asia
East Asia
South Asia
Western Europe
Eastern Europe
Balkans
Caribbean
Pacific
Atlantic
Arctic
Antarctica
Mediterranean
Sahara
Sahel
Persian Gulf|Gulf
Korean Peninsula
Taiwan Strait
South China Sea
Black Sea
Baltic
Siberia
Kashmir
Darfur
Donbas
Yangtze
Himalayas
Alabama
Alaska
Arizona
Arkansas
California
Colorado
Connecticut
Delaware
Florida
Hawaii
Idaho
Illinois
Indiana
Iowa
Kansas
Kentucky
Louisiana
Maine
Maryland
Massachusetts
Michigan
Minnesota
Mississippi
Missouri
Montana
Nebraska
Nevada
New Hampshire
New Jersey
New Mexico
North Carolina
North Dakota
Ohio
Oklahoma
Oregon
Pennsylvania
Rhode Island
South Carolina
South Dakota
Tennessee
Texas
Utah
Vermont
Virginia
West Virginia
Wisconsin
Wyoming
Ontario
Quebec
British Columbia
Alberta
Bavaria
Catalonia
Sichuan
Guangdong
Xinjiang
Hokkaido
Okinawa
Bali
Punjab
Bengal
`;

// Well-known organisations: "Canonical|alias|alias".
const ORGANISATIONS = `
United Nations|UN|U.N.
UN Security Council|Security Council|U.N. Security Council|United Nations Security Council
UN General Assembly|General Assembly|United Nations General Assembly
UNHCR|U.N. High Commissioner for Refugees|UN High Commissioner for Refugees|United Nations High Commissioner for Refugees|UN refugee agency
UNICEF
World Health Organization|WHO|World Health Organisation
World Trade Organization|WTO
International Monetary Fund|IMF
World Bank
European Union|EU|E.U.
European Commission
European Parliament
European Central Bank|ECB
NATO|North Atlantic Treaty Organization
African Union|AU
ASEAN|Association of Southeast Asian Nations
OPEC
Red Cross|International Committee of the Red Cross|ICRC
Red Crescent
Holy See
WWF|World Wide Fund for Nature
UNESCO
OECD
OSCE
G7|G-7
G8|G-8
G20|G-20
G77|G-77
Home Office
Met Office
World Food Programme|WFP
International Organization for Migration|IOM
Amnesty International
Human Rights Watch
Doctors Without Borders|Medecins Sans Frontieres|MSF
Greenpeace
International Atomic Energy Agency|IAEA
International Criminal Court|ICC
Interpol
Federal Reserve|the Fed
Fannie Mae
Freddie Mac
Bank of England
Bank of Japan
Pentagon
White House
Kremlin
Congress|U.S. Congress|US Congress
Senate|U.S. Senate|US Senate
House of Representatives
Supreme Court|U.S. Supreme Court|US Supreme Court
FBI|Federal Bureau of Investigation
CIA|Central Intelligence Agency
NASA
State Department|U.S. State Department|US State Department
Justice Department|Department of Justice
Reuters
Associated Press|AP
Agence France-Presse|AFP
Xinhua|Xinhua News Agency
Yonhap|Yonhap News Agency
Kyodo|Kyodo News
BBC
CNN
Voice of America|VOA
Al Jazeera
New York Times
Washington Post
Wall Street Journal
Financial Times
Bloomberg
Google
Apple
Microsoft
Amazon
Meta|Facebook
Tesla
Toyota
Samsung
Huawei
Boeing
Airbus
OpenAI
Nvidia
Intel
Volkswagen
Sony
Alibaba
Tencent
Shell|Royal Dutch Shell
Ryanair
PayPal
Taliban
Hamas
Hezbollah
Islamic State|ISIS|ISIL
al-Qaida|al-Qaeda|Al Qaeda
Communist Party|Chinese Communist Party|CCP
Labour Party|Labour
Conservative Party|Conservatives|Tories
Democratic Party
Republican Party|GOP
Bundestag
Knesset
Duma
Parliament
FIFA
UEFA
International Olympic Committee|IOC
NBA
NFL
Premier League
`;

/**
 * Organisations the post-tagger passes know beside ORGANISATIONS (wire agencies, central banks, leagues, short names):
 * KNOWN_ORGS holds both. The rules' chunker (extract-entities.ts), whose labels the trained tagger takes as features,
 * reads ORGANISATIONS alone (RULE_ORGS): a name added there changes the tagger's inputs, and the committed model is
 * then no longer what `npm run train:ner` rebuilds until it is trained again. New names go here.
 */
const LATE_ORGANISATIONS = `
Federal Reserve|Fed
Standard & Poor's|S&P
Bundesbank|Deutsche Bundesbank
Bank of Canada
Reserve Bank of Australia
Reserve Bank of India
People's Bank of China
Swiss National Bank
Interfax
TASS|Itar-Tass|ITAR-TASS|ITAR-Tass
RIA Novosti
Jiji Press
Anadolu Agency
IRNA|Islamic Republic News Agency
KCNA|Korean Central News Agency
ANSA
EFE
Deutsche Presse-Agentur|dpa
Press Trust of India|PTI
Bernama
NHL|National Hockey League
MLB|Major League Baseball
Europol
Eurojust
Frontex
Eurocontrol
Eurogroup
Eurostat
Euronext
Mercosur
UNESCO|Unesco
UNICEF|Unicef
Amnesty International|Amnesty
Oxfam
Gazprom
Rosneft
Lukoil
Aeroflot
Petrobras
Pemex
Sinopec
Saudi Aramco|Aramco
Fatah
Taliban|Taleban
Hezbollah|Hizbollah|Hizballah
ECOWAS
Boko Haram
Mossad
Shin Bet
al-Shabaab|al-Shabab|Al-Shabaab|Al-Shabab
Likud
Kadima
Fidesz
Syriza
Der Spiegel
Haaretz
Al Arabiya
Save the Children
Infosys
Foxconn
Inditex
Monsanto
easyJet|EasyJet
eBay
Etihad Airways|Etihad
Peugeot
Nokia
Fiat
`;

// Head words that make a capitalized phrase an organisation.
export const ORG_HEAD_WORDS: ReadonlySet<string> = new Set(
  (
    'Ministry Embassy Consulate Party Council Agency Bank Corp Corp. Corporation Inc Inc. Ltd Ltd. LLC Co Co. Company Group Holdings University ' +
    'College School Institute Institution Foundation Fund Commission Committee Department Organization Organisation Union Association ' +
    'Federation League Court Parliament Congress Senate Assembly Police Army Navy Force Forces Guard Office Bureau Service Services Authority ' +
    'Board Airlines Airways Motors Industries Technologies Systems Network Networks Bank Exchange Reserve Club Society Hospital Church ' +
    'Cabinet Government Administration Coalition Alliance Movement Front Brigade Brigades Tribunal Secretariat Directorate Trust Media ' +
    'Press Times Post Journal News Herald Tribune Television Radio Studios Pictures Records Labs Laboratories Center Centre Council ' +
    'Commission Agency Ministries Program Programme Project Initiative Court Prosecutors Mission Command Corps Regiment Academy ' +
    'Capital Partners Investments Securities Ventures District Synod Communion Museum Library Gallery Theatre Theater Orchestra ' +
    'Organisation Ministry Cooperative Consortium Conglomerate Enterprises Brands Foods Pharmaceuticals Energy Petroleum Oil Mining Steel ' +
    'Embassies Agencies Companies Banks Universities Parties Councils Commissions Committees Unions Groups Images Photos Telecom Communications Logistics Railways Railway Transit Authority Institute Observatory Clinic Senate Bundestag Knesset Sejm'
  ).split(/\s+/),
);

// Titles and roles that introduce a person's name.
export const RULE_PERSON_TITLES: ReadonlySet<string> = new Set(
  (
    'Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Prof. Professor Sir Dame Lord Lady President Vice Premier Prime Minister Chancellor ' +
    'Secretary Spokesman Spokeswoman Spokesperson Ambassador Envoy Senator Sen. Sen Rep. Representative Congressman Congresswoman Gov. Governor Mayor ' +
    'King Queen Prince Princess Emperor Pope Cardinal Bishop Archbishop Rabbi Imam Sheikh Judge Justice General Gen. Gen Lt. Col. Colonel ' +
    'Major Captain Capt. Sergeant Sgt. Admiral Commander Chairman Chairwoman Chair Director Chief Executive CEO Coach Manager Leader ' +
    'Speaker Deputy Foreign Defense Defence Finance Interior Justice Health Trade Economy Minister Ministers Officer Inspector Detective ' +
    'Attorney Lawyer Dr Father Sister Brother Reverend Rev. Pastor Ayatollah Crown Chief Superintendent Commissioner Auditor ' +
    'Founder Co-founder Editor Correspondent Reporter Analyst Economist Striker Midfielder Goalkeeper Defender Forward Guard Quarterback Pitcher ' +
    'Meteorologist Scientist Researcher Forecaster Astronomer Official Farmer Majority Minority Whip Historian Teacher Nurse Doctor Strategist ' +
    'Premier Vice-President Secretary-General Under-Secretary Attorney-General Ombudsman Envoy Negotiator Mediator Prosecutor Senior Acting Former ' +
    'State Opposition Labor Labour Interior Agriculture Education Culture Environment Energy Transport Home Treasury Health'
  ).split(/\s+/),
);
/**
 * Titles and roles, for the post-tagger passes: RULE_PERSON_TITLES and titles of offices the passes read besides
 * (LATE_PERSON_TITLES: "NASA Administrator", "UN Director-General"). RULE_PERSON_TITLES alone are the trained tagger's
 * inputs (its features and the rules' chunker): a title added there changes them, and the committed model is then no
 * longer what `npm run train:ner` rebuilds until it is trained again. New titles go in LATE_PERSON_TITLES, which the
 * passes keep out of names themselves (name-tails.ts).
 */
export const LATE_PERSON_TITLES: ReadonlySet<string> = new Set(['Director-General', 'Administrator']);
export const PERSON_TITLES: ReadonlySet<string> = new Set([...RULE_PERSON_TITLES, ...LATE_PERSON_TITLES]);

/** Lowercase particles that stand inside a person's name ("bin Salman", "von der Leyen"): name-particles.ts and the titled names of wire-conventions.ts. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['bin', 'bint', 'ibn', 'al', 'el', 'da', 'das', 'de', 'di', 'do', 'dos', 'du', 'del', 'della', 'der', 'den', 'van', 'von', 'le', 'la']);

/** Titles that, alone before a name, are honorifics (not part of the name): Mr. Liu -> Liu. */
export const HONORIFICS: ReadonlySet<string> = new Set(['Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Miss', 'Dr', 'Dr.', 'Sir', 'Dame', 'Lord', 'Lady', 'Prof.', 'Professor']);

// A few hundred common given names, to recognise people without a title.
export const GIVEN_NAMES: ReadonlySet<string> = new Set(
  (
    'James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark Donald Steven Paul Andrew ' +
    'Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott ' +
    'Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter ' +
    'Kyle Ethan Walter Noah Jeremy Christian Keith Roger Terry Gerald Harold Sean Austin Carl Arthur Lawrence Dylan Jesse Jordan Bryan Billy ' +
    'Joe Bruce Gabriel Logan Albert Willie Alan Juan Wayne Elijah Randy Roy Vincent Ralph Eugene Russell Bobby Mason Philip Louis Mary ' +
    'Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle ' +
    'Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole ' +
    'Helen Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather Diane Ruth Julie Olivia Joyce Virginia Victoria ' +
    'Kelly Lauren Christina Joan Evelyn Judith Megan Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Sara Madison Frances Kathryn ' +
    'Janice Jean Abigail Alice Judy Sophia Grace Denise Amber Doris Marilyn Danielle Beverly Isabella Theresa Diana Natalie Brittany Charlotte ' +
    'Marie Kayla Alexis Lori Hillary Kamala Nancy Angela Emmanuel Boris Vladimir Xi Kim Moon Yoon Shinzo Fumio Narendra Recep Benjamin ' +
    'Volodymyr Olaf Rishi Keir Justin Jacinda Ursula Antonio Jens Luiz Javier Giorgia Mario Pedro Carlos Luis Miguel Jorge Ahmed Mohammed ' +
    'Muhammad Ali Hassan Hussein Omar Abdul Abdullah Ibrahim Yusuf Fatima Aisha Mustafa Mahmoud Khalid Salman Tamim Recep Sergei Sergey ' +
    'Dmitry Alexei Alexey Ivan Igor Yuri Mikhail Nikolai Andrei Olga Natalia Tatiana Hans Klaus Jurgen Wolfgang Angela Friedrich Pierre Jean ' +
    'Jacques Francois François Marine Nicolas Emmanuel Giuseppe Marco Luca Francesco Alessandro Silvio Matteo Carlos Jose Manuel Alberto ' +
    'Hiroshi Takeshi Yuki Haruki Akira Naoto Taro Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Hu Lee Park Choi Jung Kang Cho Yoon Jang Lim ' +
    'Han Shin Seo Kwon Hwang Ahn Song Jeon Hong Nguyen Tran Le Pham Raj Rahul Priya Amit Sunil Anil Sanjay Vijay Imran Nawaz Benazir Shehbaz ' +
    'Elon Jeff Bill Warren Tim Satya Sundar Sam Jensen Mark Larry Sergey Serena Venus Roger Rafael Novak Andy Lionel Cristiano Neymar Kylian ' +
    'LeBron Kobe Stephen Tiger Usain Simone Michael Lewis Max Sebastian Fernando Yasser Mahmoud Bashar Hafez Saddam Osama Ayman Hamid Ashraf ' +
    'Nelson Jacob Cyril Thabo Kofi Ban Antonio Boutros Dag Koichi Junichiro Jiang Deng Mao Zhu Hu Wen Kim Roh Lee Chun Syngman Chiang Tsai Ma ' +
    'Jimmy Lyndon Dwight Harry Franklin Ronald Gerald Barack Joe Hillary Condoleezza Colin Madeleine Henry Dick Mike Kamala Ron Nikki Chris'
  ).split(/\s+/),
);

/** The days of the week ("the House of Commons Tuesday", "Fox News Sunday"). */
export const WEEKDAYS: ReadonlySet<string> = new Set('Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(' '));
/** Days and months: no part of a name in prose ("the Senate Banking Committee on Wednesday", "the Lakers in March"). */
export const WEEKDAYS_AND_MONTHS: ReadonlySet<string> = new Set([
  ...WEEKDAYS,
  ...'January February March April May June July August September October November December'.split(' '),
]);

// Words that look like names at a sentence start or in headlines but are not entities.
export const NON_ENTITY_WORDS: ReadonlySet<string> = new Set(
  (
    'The A An This That These Those It Its He She They We I You His Her Their Our Your But And Or Nor So Yet For After Before When While ' +
    'Since Because Although Though If As At In On By From With Without Under Over About Above Below Between Into Through During Despite ' +
    'Among Against Toward Towards Upon Meanwhile However Moreover Also Still Even Only Just Now Then Here There Where What Which Who Why How ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November ' +
    'December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Breaking News Update Updated Read More Share Photo Video Advertisement Related ' +
    'Many Some Several Most Few All Both Each Every Other Another Such No Not Hundreds ' +
    'Thousands Millions Dozens First Second Third Last Next New Old Yes Please Thanks Thank Mr Mrs Ms Dr Officials Police Government Minister ' +
    'Several Earlier Later Today Tonight Yesterday Tomorrow Last Already Once Again Instead Overall According Asked Told Said Says Speaking ' +
    'Credit Credits Photo Photograph Caption Accessibility Links Menu Search Sign Subscribe Login Log Copyright Reuters AP AFP Editing Reporting Writing Additional Sources ' +
    'Spring Summer Autumn Fall Winter Christmas Easter Ramadan Internet Web Mrs. Mr. Ms. Dr. Sen. Gov. Rep. Gen. Lt. Col. Capt. Sgt.'
  ).split(/\s+/).filter((w) => !['Reuters', 'AP', 'AFP'].includes(w)),
);

/** Last words of football and other clubs' names that name nothing else ("Riverside United", "Bolton Wanderers", "Brighton & Hove Albion"). */
export const CLUB_HEADS: ReadonlySet<string> = new Set('United Athletic Rovers Wanderers Albion Hotspur FC AFC'.split(' '));

/** Last words that make a capitalized phrase a place ("Lusail Stadium", "English Channel"). */
export const PLACE_HEAD_WORDS: ReadonlySet<string> = new Set(
  (
    'Palace Square Park Stadium Arena Mosque Basilica Cathedral Temple Shrine Bridge Airport Street Avenue Road Boulevard River Lake Lakes ' +
    'Mountain Mountains Island Islands Valley County Province Coast Sea Ocean Bay Gulf Strait Channel Canal Desert Peninsula Tower Castle ' +
    'Station Harbor Harbour Beach Falls Forest Heights Hills Plaza Territory Territories Region Prefecture Oblast Canyon Glacier Reservoir Dam City'
  ).split(/\s+/),
);

/** First words that make a capitalized phrase a place ("Place Vendome", "Mount Everest"). */
export const PLACE_HEAD_FIRST: ReadonlySet<string> = new Set('Place Mount Lake Port Fort Cape Gulf Bay Isle Rue Lac Mont'.split(' '));

/** Heads of names that are neither people, places nor organisations (events, awards, laws, storms): dropped. */
export const MISC_HEAD_WORDS: ReadonlySet<string> = new Set(
  (
    'Cup Games Olympics Paralympics Festival Prize Award Awards Championship Championships Open Slam Agreement Accord Treaty Summit Week ' +
    'Telescope Guide Heritage Day Act Bill Medal Trophy Series Amendment Index Doctrine Protocol Fair Expo Show Marathon Derby Gala ' +
    'Olympiad Prix Era War Revolution Couture'
  ).split(/\s+/),
);
export const MISC_HEAD_FIRST: ReadonlySet<string> = new Set('Typhoon Hurricane Storm Cyclone Tropical Operation'.split(' '));

/** Words that start a name only when another capitalized word follows ("Central Weather Bureau"), never alone. */
export const NAME_OPENERS: ReadonlySet<string> = new Set('Western Eastern Northern Southern Central Upper Lower Greater New Old Great'.split(' '));

export type PlaceInfo = { canonical: string; kind: 'country' | 'place' };

/** "New York", "Southern District"...: first two words of multi-word gazetteer names, so a common first word does not end them. */
export const NAME_PREFIXES: ReadonlySet<string> = new Set<string>();

const buildPlaces = (): { places: Map<string, PlaceInfo>; demonyms: Map<string, string> } => {
  const places = new Map<string, PlaceInfo>();
  const demonyms = new Map<string, string>();
  for (const line of COUNTRIES.trim().split('\n')) {
    const [namesPart = '', demPart = ''] = line.split(';');
    const names = namesPart.split('|').filter(Boolean);
    const canonical = names[0];
    if (!canonical) continue;
    for (const n of names) places.set(n, { canonical, kind: 'country' });
    for (const d of demPart.split('|').filter(Boolean)) demonyms.set(d, canonical);
  }
  for (const line of OTHER_PLACES.trim().split('\n')) {
    const names = line.split('|').filter(Boolean);
    const canonical = names[0];
    if (!canonical) continue;
    for (const n of names) if (!places.has(n)) places.set(n, { canonical, kind: 'place' });
  }
  return { places, demonyms };
};

const built = buildPlaces();
/** Place names (and aliases) to their canonical name. */
export const PLACES: ReadonlyMap<string, PlaceInfo> = built.places;
/** Demonyms ("Chinese", "South Korean") to their country. */
export const DEMONYMS: ReadonlyMap<string, string> = built.demonyms;

/**
 * Countries and territories missing from COUNTRIES (most of them small; and former states: "Soviet Union", "Yugoslavia"), read only after the tagger: COUNTRIES feeds the
 * tagger's inputs through the rules' labels, and completing it there lowered BTC dev after retraining (2026-12-05). The
 * post-tagger passes read these as they read COUNTRIES: such a name the tagger typed as a person, an organisation or MISC
 * is a place ("[Kiribati] said", "the [Vanuatu] government"), and its demonym is MISC ("the [Fijian] military").
 * "Canonical name|alias;demonym|demonym" one a line, as COUNTRIES.
 */
const LATE_COUNTRY_LINES = `
Andorra;Andorran|Andorrans
Antigua and Barbuda;Antiguan|Antiguans
Bahamas|The Bahamas;Bahamian|Bahamians
Barbados;Barbadian|Barbadians
Belize;Belizean|Belizeans
Benin;Beninese
Bhutan;Bhutanese
Brunei|Brunei Darussalam;Bruneian|Bruneians
Burundi;Burundian|Burundians
Cape Verde|Cabo Verde;Cape Verdean|Cape Verdeans
Central African Republic;
Comoros;Comorian|Comorians
Djibouti;Djiboutian|Djiboutians
Dominica;
Equatorial Guinea;Equatoguinean|Equatoguineans
Eswatini|Swaziland;Swazi|Swazis
Fiji;Fijian|Fijians
Gabon;Gabonese
Gambia|The Gambia;Gambian|Gambians
Grenada;Grenadian|Grenadians
Guinea-Bissau;Bissau-Guinean|Bissau-Guineans
Guyana;Guyanese
Kiribati;I-Kiribati
Lesotho;Basotho
Liechtenstein;Liechtensteiner|Liechtensteiners
Maldives;Maldivian|Maldivians
Marshall Islands;Marshallese
Mauritius;Mauritian|Mauritians
Micronesia|Federated States of Micronesia;Micronesian|Micronesians
Monaco;Monegasque|Monegasques
Nauru;Nauruan|Nauruans
Palau;Palauan|Palauans
Papua New Guinea;Papua New Guinean|Papua New Guineans
Saint Kitts and Nevis;
Saint Lucia;Saint Lucian|Saint Lucians
Saint Vincent and the Grenadines;
Samoa;Samoan|Samoans
San Marino;Sammarinese
Sao Tome and Principe|São Tomé and Príncipe;
Seychelles;Seychellois
Solomon Islands;Solomon Islander|Solomon Islanders
Suriname;Surinamese
East Timor|Timor-Leste;East Timorese|Timorese
Togo;Togolese
Tonga;Tongan|Tongans
Trinidad and Tobago;Trinidadian|Trinidadians
Tuvalu;Tuvaluan|Tuvaluans
Vanuatu;Ni-Vanuatu
Abkhazia;Abkhaz|Abkhazian|Abkhazians
South Ossetia;South Ossetian|South Ossetians|Ossetian|Ossetians
Transnistria;Transnistrian|Transnistrians
Somaliland;Somalilander|Somalilanders
Western Sahara;Sahrawi|Sahrawis
Macau|Macao;Macanese
Bermuda;Bermudian|Bermudians
Gibraltar;Gibraltarian|Gibraltarians
Faroe Islands;Faroese
Falkland Islands|Falklands;Falkland Islander|Falkland Islanders
Cayman Islands;Caymanian|Caymanians
Guam;Guamanian|Guamanians
New Caledonia;New Caledonian|New Caledonians
Soviet Union|USSR;Soviet|Soviets
Yugoslavia;Yugoslav|Yugoslavs|Yugoslavian|Yugoslavians
Czechoslovakia;Czechoslovak|Czechoslovaks|Czechoslovakian
East Germany;East German|East Germans
West Germany;West German|West Germans
Rhodesia;Rhodesian|Rhodesians
Zaire;Zairean|Zaireans|Zairian|Zairians
Prussia;Prussian|Prussians
`;

const buildLateCountries = (): { countries: Map<string, string>; demonyms: Set<string> } => {
  const countries = new Map<string, string>();
  const demonyms = new Set<string>();
  for (const line of LATE_COUNTRY_LINES.trim().split('\n')) {
    const [namesPart = '', demPart = ''] = line.split(';');
    const names = namesPart.split('|').filter(Boolean);
    const canonical = names[0];
    if (!canonical) continue;
    for (const n of names) if (!PLACES.has(n)) countries.set(n, canonical);
    for (const d of demPart.split('|').filter(Boolean)) if (!DEMONYMS.has(d)) demonyms.add(d);
  }
  return { countries, demonyms };
};
const late = buildLateCountries();
/** Countries and territories the post-tagger passes read as COUNTRIES' (LATE_COUNTRY_LINES), names and aliases to their canonical name. */
export const LATE_COUNTRIES: ReadonlyMap<string, string> = late.countries;
/** Their demonyms ("Fijian", "East Timorese"). */
export const LATE_DEMONYMS: ReadonlySet<string> = late.demonyms;

const buildOrgs = (lists: readonly string[]): Map<string, string> => {
  const m = new Map<string, string>();
  for (const line of lists.flatMap((list) => list.trim().split('\n'))) {
    const names = line.split('|').filter(Boolean);
    const canonical = names[0];
    if (!canonical) continue;
    for (const n of names) m.set(n, canonical);
  }
  return m;
};
/** Known organisation names (and aliases) to their canonical name: ORGANISATIONS and LATE_ORGANISATIONS, for the post-tagger passes. */
export const KNOWN_ORGS: ReadonlyMap<string, string> = buildOrgs([ORGANISATIONS, LATE_ORGANISATIONS]);
/** The rules' chunker's organisations (ORGANISATIONS alone): an input of the trained tagger, through the rules' labels. */
export const RULE_ORGS: ReadonlyMap<string, string> = buildOrgs([ORGANISATIONS]);

for (const name of [...PLACES.keys(), ...RULE_ORGS.keys()]) {
  const words = name.split(' ');
  if (words.length >= 2) (NAME_PREFIXES as Set<string>).add(`${words[0]} ${words[1]}`);
}
