/** The simulator's small built-in vocabulary: enough for varied, readable English, nothing more. */
export const vocabulary = {
  nouns: words(
    'system schedule budget design process result model network team plan signal request record window ' +
      'balance measure pattern resource structure method context estimate limit source route cost delay ' +
      'choice forecast sample workflow baseline metric review setting',
  ),
  adjectives: words(
    'simple reliable careful clear steady flexible practical modest consistent robust focused efficient ' +
      'gradual accurate balanced predictable small',
  ),
  verbs: words('shapes supports improves affects follows limits guides reflects balances reduces informs'),
  adverbs: words('regularly early often carefully periodically first'),
  fallbackTopics: ['this topic', 'the question', 'your request'],
} as const;

/** Openers that name the topic, so answers visibly relate to the prompt. */
export const openingTemplates: readonly string[] = [
  'Here is a short overview of {topic}.',
  'Good question about {topic}.',
  '{Topic} is worth looking at from a few angles.',
  'When it comes to {topic}, a few points stand out.',
  'There are several useful things to know about {topic}.',
];

export const bodyTemplates: readonly string[] = [
  'The {adjective} part of {topic} is how the {noun} {verb} the {noun2}.',
  'In practice, {topic} works best when the {noun} stays {adjective}.',
  'Most people start with a {adjective} {noun} and refine it over time.',
  'A useful rule of thumb is to keep the {noun} {adjective} and the {noun2} {adjective2}.',
  'It also helps to compare {topic} with {topic2}, since both depend on the {noun}.',
  'That said, the {noun} can change quickly, so check it {adverb}.',
  'For example, a {adjective} {noun} usually {verb} the {noun2} within a few minutes.',
  'The main trade-off is between the {noun} and the {noun2}.',
  'If the {noun} looks unusual, review the {noun2} {adverb} before changing anything.',
  'Experience shows that {topic} {verb} the overall {noun} more than expected.',
];

export const closingTemplates: readonly string[] = [
  'In short, {topic} rewards a {adjective} and {adjective2} approach.',
  'Let me know if you want more detail on any of these points.',
  'Overall, a {adjective} {noun} is the best place to start.',
];

/** Follow-ups to a tool result: the result itself is quoted before them. */
export const toolFollowUpTemplates: readonly string[] = [
  'Based on that result, the {noun} looks {adjective}.',
  'That should answer the question about {topic}.',
  'I can check the {noun} again if anything changes.',
];

export const cities = words(
  'Paris London Tokyo Edinburgh San_Francisco Berlin Madrid Lisbon Toronto Sydney Amsterdam Vienna Seoul ' +
    'Chicago Dublin Oslo',
).map((city) => city.replace('_', ' '));

/** Country names with their ISO 3166-1 alpha-2 codes, for `country` fields of either length. */
export const countries: ReadonlyArray<readonly [name: string, code: string]> = [
  ['France', 'FR'],
  ['United Kingdom', 'GB'],
  ['Japan', 'JP'],
  ['Germany', 'DE'],
  ['Spain', 'ES'],
  ['Canada', 'CA'],
  ['Australia', 'AU'],
  ['Netherlands', 'NL'],
];

export const personNames = words('Alex_Morgan Priya_Shah Tom_Becker Lena_Novak Sam_Okafor Mia_Laurent').map(
  (name) => name.replace('_', ' '),
);

function words(text: string): readonly string[] {
  return text.split(' ');
}
