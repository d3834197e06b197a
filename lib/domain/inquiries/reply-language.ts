// The language an investor's answer comes in: the one they asked for when staff answer in it, otherwise the first
// language staff answer in. Pure, with the list passed in, so the inquiry form's island needs no site configuration.

export function answerLanguage(asked: string, replyLanguages: readonly string[]): string {
  return replyLanguages.includes(asked) ? asked : (replyLanguages[0] ?? asked);
}
