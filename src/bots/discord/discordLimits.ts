/**
 * Discord's message limits (API reference, "Embed Limits"). The renderer splits and truncates
 * against these; the core knows none of them.
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  title: 256,
  description: 4096,
  fieldsPerEmbed: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Sum of every title, description, field name and value and footer in one message. */
  charsPerMessage: 6000,
  autocompleteChoices: 25,
  choiceText: 100,
} as const;
