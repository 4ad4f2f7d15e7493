/**
 * The request header that carries a journey's id from the element to the integrator's backend, so one onboarding
 * can be followed from the browser's events through the server's log to the platform's `correlationId`.
 */
export const JOURNEY_ID_HEADER = 'Onboard-Journey-Id';
