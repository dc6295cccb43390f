/** Names the brief's users give providers, for Arbiter's: `claude` is Anthropic's, `chatgpt` OpenAI's. */
const providerAliases: Readonly<Record<string, string>> = {
  claude: 'anthropic',
  chatgpt: 'openai',
  google: 'gemini',
};

/**
 * The route a `/chat` request names, for the gateway's resolver to turn into targets: `model_provider`
 * and `model` together become `provider/model`; either alone is used as it is (a provider alone means
 * its default model; any route name works, `compete` and `search` included, as soon as one exists);
 * neither means `auto`. An alias (`claude`) is used only when nothing is routable under its own name.
 */
export function getChatServiceRoute(
  model: string | null | undefined,
  modelProvider: string | null | undefined,
  isRoutable: (name: string) => boolean,
): string {
  const provider =
    modelProvider && providerAliases[modelProvider] && !isRoutable(modelProvider)
      ? providerAliases[modelProvider]
      : modelProvider;
  if (!model) return provider ?? 'auto';
  if (!provider || model.startsWith(`${provider}/`)) return model;
  return `${provider}/${model}`;
}
