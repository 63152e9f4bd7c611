// A camelCase code identifier (metaModelMemory, successiveHalving) in text meant for people; terms
// written in capitals after a lower-case letter (fANOVA) are words, not identifiers.
export const CODE_IDENTIFIER = /\b[a-z]+[A-Z][a-z]+[A-Za-z]*\b/;
