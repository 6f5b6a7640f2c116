/**
 * Short news stories written for Telex's offline sample wire. Every name,
 * place, company and figure in them is invented.
 */
export type SampleStory = {
  slug: string;
  path: string;
  section: string;
  headline: string;
  byline: string;
  dateline: string;
  publishedAt: string;
  modifiedAt: string;
  description: string;
  image: string;
  paragraphs: string[];
};

export const SITE_NAME = 'The Harbour City Courier';

export const STORIES: SampleStory[] = [
  {
    slug: 'election',
    path: '/news/2026/11/16/reformist-wins-port-amsel-mayoral-runoff.html',
    section: 'Politics',
    headline: 'Reformist Wins Port Amsel Mayoral Runoff by Fewer Than 900 Votes',
    byline: 'Marta Okonkwo-Lind',
    dateline: 'PORT AMSEL',
    publishedAt: '2026-11-16T22:40:00+01:00',
    modifiedAt: '2026-11-17T08:15:00+01:00',
    description: 'Councillor Ines Varga beat the two-term incumbent after a campaign fought over transit fares and housing.',
    image: '/img/2026/11/varga-victory-rally.jpg',
    paragraphs: [
      'PORT AMSEL — Councillor Ines Varga won the mayoral runoff in Port Amsel on Sunday, defeating two-term incumbent Bruno Scheel by 874 votes out of more than 212,000 cast, according to provisional results published by the city election office shortly before midnight.',
      'Varga, 41, ran on a promise to freeze tram and bus fares for four years and to convert disused harbour warehouses into rental housing. Scheel had argued that the fare freeze would leave a hole of roughly 30 million in the transit budget.',
      'Turnout reached 58 percent, the highest for a municipal runoff since the city adopted the two-round system. Queues formed outside polling stations in the northern districts well after the official closing time.',
      'Scheel conceded in a brief statement, saying he would not request a recount unless the final tally narrowed the margin below 500 votes. The election office said postal ballots would be counted by Wednesday.',
      '"The city asked for a change of direction, and it asked for it clearly enough," Varga told supporters gathered on the quay. She is due to be sworn in on December 1.',
    ],
  },
  {
    slug: 'storm',
    path: '/news/2026/11/18/storm-idris-cuts-power-along-coast.html',
    section: 'Weather',
    headline: 'Storm Idris Cuts Power to 40,000 Homes Along the Northern Coast',
    byline: 'Tomasz Brill',
    dateline: 'SALTMERE',
    publishedAt: '2026-11-18T06:55:00+00:00',
    modifiedAt: '2026-11-18T11:20:00+00:00',
    description: 'Gusts of up to 140 km/h brought down lines and closed the coastal railway overnight.',
    image: '/img/2026/11/idris-waves-saltmere.jpg',
    paragraphs: [
      'SALTMERE — Storm Idris swept across the northern coast overnight with gusts of up to 140 kilometres an hour, leaving about 40,000 homes without electricity and forcing the closure of the coastal railway between Saltmere and Brennock.',
      'The regional grid operator said fallen trees had brought down more than 60 medium-voltage lines. Crews began repairs at first light, but the company warned that some villages in the hills could remain without power until Thursday.',
      'Coastguard teams rescued two fishermen whose boat lost its engine a few miles off Saltmere harbour. Both were taken to hospital with mild hypothermia and were said to be in good condition.',
      'Schools in three districts stayed closed on Tuesday. The weather service lowered its red warning to amber at 9 a.m. but said heavy rain would continue into the evening, with a risk of flooding along the River Dune.',
      'Rail services are expected to resume on Wednesday once engineers have inspected the embankment at Gull Point, where waves washed ballast from beneath the track.',
    ],
  },
  {
    slug: 'football',
    path: '/sport/2026/11/22/riverside-united-win-cup-final.html',
    section: 'Sport',
    headline: 'Riverside United Win Cup Final With Stoppage-Time Penalty',
    byline: 'Aoife Dempsey',
    dateline: 'HARBOUR CITY',
    publishedAt: '2026-11-22T19:05:00+00:00',
    modifiedAt: '2026-11-22T21:30:00+00:00',
    description: 'Captain Leo Marchetti scored from the spot in the 94th minute to beat Northgate Athletic 2-1.',
    image: '/img/2026/11/marchetti-penalty.jpg',
    paragraphs: [
      'HARBOUR CITY — Riverside United won the National Cup for the first time in 31 years on Sunday, beating Northgate Athletic 2-1 at the Municipal Stadium after captain Leo Marchetti converted a penalty four minutes into stoppage time.',
      'Northgate had led at half-time through a glancing header from defender Kofi Mensah-Berg, but Riverside levelled on 67 minutes when substitute Elif Sander curled a shot into the top corner from the edge of the area.',
      'The decisive penalty came after a video review judged that Northgate goalkeeper Pavel Dusek had caught Sander\'s ankle as she rounded him. Marchetti sent Dusek the wrong way and ran to the corner flag, where he was buried beneath his teammates.',
      'A crowd of 48,200 watched the final, a record for the competition. Riverside manager Hanna Quist, appointed only in March, said the win belonged to supporters who had "waited a generation for this afternoon".',
      'Victory earns Riverside a place in next season\'s continental qualifying rounds. Northgate, who also lost the final two years ago, will play in the league\'s promotion playoffs next month.',
    ],
  },
  {
    slug: 'earnings',
    path: '/business/2026/11/19/kestrel-foods-beats-forecasts.html',
    section: 'Business',
    headline: 'Kestrel Foods Beats Forecasts as Frozen Meal Sales Climb 12%',
    byline: 'Samuel Adeyemi',
    dateline: 'HARBOUR CITY',
    publishedAt: '2026-11-19T07:30:00-05:00',
    modifiedAt: '2026-11-19T10:45:00-05:00',
    description: 'The packaged-food maker raised its full-year outlook and announced a share buyback.',
    image: '/img/2026/11/kestrel-plant.jpg',
    paragraphs: [
      'HARBOUR CITY — Kestrel Foods reported third-quarter profit above analysts\' expectations on Thursday, helped by a 12 percent rise in sales of its frozen ready meals, and raised its forecast for the full year.',
      'Net income rose to 184 million from 151 million a year earlier, or 1.27 per share, against an average analyst estimate of 1.09. Revenue grew 7 percent to 2.3 billion.',
      'Chief executive Priya Halvorsen said shoppers were trading restaurant meals for cheaper dinners at home, and that the company\'s new plant in Eastvale had cut production costs for its best-selling pasta range.',
      'The company now expects annual earnings of 4.80 to 4.95 per share, up from a previous range of 4.40 to 4.60. It also announced a buyback of up to 500 million of its own shares over two years.',
      'Kestrel shares rose 6 percent in early trading. The company warned, however, that higher prices for cocoa and packaging would weigh on margins in its snacks division next year.',
    ],
  },
  {
    slug: 'vaccine',
    path: '/health/2026/11/20/nasal-flu-vaccine-halves-infections.html',
    section: 'Health',
    headline: 'Nasal Flu Vaccine Halves Infections in Late-Stage Trial',
    byline: 'Dr. Lena Fischbach and Omar Haddad',
    dateline: 'GENEVA',
    publishedAt: '2026-11-20T14:00:00+01:00',
    modifiedAt: '2026-11-20T16:10:00+01:00',
    description: 'A needle-free vaccine cut confirmed influenza cases by 52 percent among 18,000 volunteers.',
    image: '/img/2026/11/nasal-spray-trial.jpg',
    paragraphs: [
      'GENEVA — An experimental nasal spray vaccine cut confirmed influenza infections by 52 percent in a late-stage trial involving more than 18,000 adults, its developer Altamira Biologics said on Friday.',
      'Volunteers in six countries received either two doses of the spray, four weeks apart, or a saline placebo before the start of last winter\'s flu season. Researchers then tested everyone who reported symptoms such as fever, cough or sore throat.',
      'Protection was similar in adults over 65, a group in whom injected vaccines often work less well, according to results presented at a medical conference and submitted to a peer-reviewed journal.',
      'Side effects were mostly mild: a runny nose and headache were the most common complaints. No serious adverse events were linked to the vaccine, the company said.',
      'Independent experts welcomed the findings but cautioned that the trial covered a single season dominated by one strain. Altamira said it would ask regulators for approval early next year.',
    ],
  },
];

/** The dead-link item whose feed entry carries the whole story: the pipeline falls back to it. */
export const FALLBACK_STORY = {
  path: '/news/2026/11/21/harbour-bridge-to-close-for-repairs.html',
  title: 'Harbour Bridge to Close for Six Weeks of Repairs in January',
  publishedAt: '2026-11-21T09:00:00+00:00',
  paragraphs: [
    'The Harbour Bridge will close to all motor traffic for six weeks from January 12 while engineers replace expansion joints and resurface the main span, the city\'s roads department announced on Saturday.',
    'Pedestrians and cyclists will still be able to cross on the eastern walkway, except on two weekends when cranes will be working above it. Buses that normally use the bridge will be diverted over the Eastvale crossing, adding about fifteen minutes to journeys.',
    'The department said the work, budgeted at 18 million, could not be postponed again after inspectors found corrosion in two of the joints last spring. A ferry shuttle will run every twenty minutes during the morning and evening peaks.',
  ],
};

/** The dead-link item with nothing but a title: the pipeline cannot store it. */
export const FAILED_STORY = {
  path: '/news/2026/11/23/council-publishes-draft-budget.html',
  title: 'Council Publishes Draft Budget',
  publishedAt: '2026-11-23T12:00:00+00:00',
};
