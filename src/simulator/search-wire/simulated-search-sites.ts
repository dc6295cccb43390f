/** A kind of page a search may find: the site, a title template and how its URLs look. */
export interface SimulatedSearchSite {
  domain: string;
  /** `{Subject}` is the query's subject, `{Query}` the query as typed (first letter capitalised). */
  title: string;
  /** `{slug}` is the subject in URL form, `{Slug}` Wikipedia-style, `{hex}`/`{number}` seeded filler. */
  path: string;
  /** The name the site goes by, for Brave's `profile.name`. */
  name: string;
}

/** Plausible sites, in a seeded order per query: reference works, explainers, forums, news. */
export const simulatedSearchSites: readonly SimulatedSearchSite[] = [
  { domain: 'en.wikipedia.org', title: '{Subject} - Wikipedia', path: '/wiki/{Slug}', name: 'Wikipedia' },
  {
    domain: 'www.britannica.com',
    title: '{Subject} | Definition, Facts & History | Britannica',
    path: '/topic/{slug}',
    name: 'Britannica',
  },
  {
    domain: 'www.howstuffworks.com',
    title: 'How {Subject} Works | HowStuffWorks',
    path: '/{slug}.htm',
    name: 'HowStuffWorks',
  },
  {
    domain: 'www.reddit.com',
    title: '{Query} : r/explainlikeimfive',
    path: '/r/explainlikeimfive/comments/{hex}/{slug}/',
    name: 'Reddit',
  },
  {
    domain: 'www.nationalgeographic.com',
    title: '{Subject}, explained',
    path: '/science/article/{slug}',
    name: 'National Geographic',
  },
  {
    domain: 'www.theguardian.com',
    title: '{Subject}: what you need to know | The Guardian',
    path: '/science/2025/mar/{number}/{slug}',
    name: 'The Guardian',
  },
  {
    domain: 'medium.com',
    title: 'A Practical Guide to {Subject} | Medium',
    path: '/@alex.morgan/{slug}-{hex}',
    name: 'Medium',
  },
  {
    domain: 'www.sciencedaily.com',
    title: 'New findings on {Subject} -- ScienceDaily',
    path: '/releases/2025/03/250312{number}.htm',
    name: 'ScienceDaily',
  },
  {
    domain: 'www.bbc.com',
    title: '{Subject}: the key questions answered - BBC News',
    path: '/news/articles/c{hex}',
    name: 'BBC',
  },
  {
    domain: 'stackoverflow.com',
    title: '{Query} - Stack Overflow',
    path: '/questions/7{number}/{slug}',
    name: 'Stack Overflow',
  },
  {
    domain: 'www.investopedia.com',
    title: '{Subject}: Meaning, Examples and Uses',
    path: '/terms/{initial}/{slug}.asp',
    name: 'Investopedia',
  },
];

/** Snippet sentences; `{topic}`/`{topic2}` are words of the query, the rest the simulator's vocabulary. */
export const simulatedSnippetTemplates: readonly string[] = [
  '{Topic} is a {adjective} {noun} that {verb} the {noun2}, and it is often discussed together with {topic2}.',
  'Learn the basics of {topic}: how the {noun} works, why it matters and what to watch for.',
  'In this guide we look at {topic} and {topic2}, with examples of a {adjective} {noun} in practice.',
  'Experts say {topic} {verb} the {noun} more than most people expect.',
  'A short explanation of {topic}, its history and the {adjective} {noun} behind it.',
  'Everything you need to know about {topic}, from the {noun} to the {noun2}.',
];
