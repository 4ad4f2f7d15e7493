/** Longest company name we accept, in code points (Codat sets none; 100 fits every real trading name we know). */
export const COMPANY_NAME_MAX_LENGTH = 100;
