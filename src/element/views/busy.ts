import { html, type TemplateResult } from 'lit';

/** A status line with the busy indicator (a spinner, still under `prefers-reduced-motion`); focusable for focus moves. */
export const busy = (text: string): TemplateResult =>
  html`<p class="busy" aria-busy="true" tabindex="-1">${text}</p>`;
