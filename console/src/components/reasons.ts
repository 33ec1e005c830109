/** The mapping's reason codes in words a person reads (an unknown code is shown as it is). */
const REASONS: Record<string, string> = {
  exact: 'header is the field name',
  synonym: 'header is a known name for the field',
  lexicon: 'header means the field in another language',
  fuzzy: 'header is close to a name for the field',
  compound: 'header contains a name for the field',
  value_pattern: 'values look like this field',
  values: 'values look like this field',
  ai: 'suggested by Claude',
  template: 'from a saved template',
  learned: 'as confirmed before for this layout',
  person: 'chosen by a person',
  confirmed: 'confirmed by a person',
};

export const describeReason = (reason: string | undefined) => (reason ? (REASONS[reason] ?? reason) : '—');
