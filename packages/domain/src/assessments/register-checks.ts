/**
 * The registers a home's adults are checked in during the assessment, each with the applicant's
 * consent: belastningsregistret, misstankeregistret, socialregistret, Kronofogden, Försäkringskassan.
 */
export const REGISTERS = ['conviction_register', 'suspicion_register', 'social_services_register', 'enforcement_authority', 'social_insurance_agency'] as const;
export type Register = (typeof REGISTERS)[number];

export const REGISTER_TITLES: Record<Register, string> = {
  conviction_register: 'belastningsregistret',
  suspicion_register: 'misstankeregistret',
  social_services_register: 'socialregistret',
  enforcement_authority: 'Kronofogden',
  social_insurance_agency: 'Försäkringskassan',
};
