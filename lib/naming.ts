/** Prefix of every physical name (tables, functions, log groups, APIs) of one stage. */
export const resourcePrefix = (stage: string): string => `ai-file-parser-${stage}`;

/** "api-keys" -> "ApiKeys": construct ids from the kebab-case names of the shared contract. */
export const pascalCase = (name: string): string =>
  name
    .split(/[^a-zA-Z0-9]/)
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
