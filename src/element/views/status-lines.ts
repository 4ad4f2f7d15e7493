import { html, type TemplateResult } from 'lit';
import type { ErrorWords } from '../messages/error-text.ts';

/** A status line with the busy indicator (a spinner, still under `prefers-reduced-motion`); focusable for focus moves. */
export const busy = (text: string): TemplateResult =>
  html`<p class="busy" aria-busy="true" tabindex="-1">${text}</p>`;

/** A failure told where it happened: what happened, then what to do, in one alert (announced once). */
export const failureAlert = ({ title, message }: ErrorWords): TemplateResult =>
  html`<p part="error" class="error" role="alert"><strong>${title}</strong> ${message}</p>`;
