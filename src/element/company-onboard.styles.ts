import { css } from 'lit';

/**
 * Colours live in private properties (`--_*`) that take the integrator's `--onboard-*` first, then the theme's
 * default: light, or dark under `theme="dark"` and, with `theme="auto"`, under `prefers-color-scheme: dark`.
 * Every control has a border, transparent until forced colours paint it, so no button vanishes there.
 */
const dark = css`
  --_accent: var(--onboard-accent-color, #9dbaff);
  --_on-accent: var(--onboard-accent-text-color, #0d1526);
  --_danger: var(--onboard-danger-color, #ff9c92);
  --_muted: var(--onboard-muted-color, #b3bac7);
  --_bg: var(--onboard-background, #1a1d24);
  --_fg: var(--onboard-color, #eceef3);
  --_border: var(--onboard-border-color, #6b7280);
  --_focus: var(--onboard-focus-color, #9dbaff);
  --_success: #6fd08c;
  color-scheme: dark;
`;

export const styles = css`
  :host {
    --_accent: var(--onboard-accent-color, #1f4fd1);
    --_on-accent: var(--onboard-accent-text-color, #fff);
    --_danger: var(--onboard-danger-color, #b3261e);
    --_muted: var(--onboard-muted-color, #4d5566);
    --_bg: var(--onboard-background, #fff);
    --_fg: var(--onboard-color, #1b1f29);
    --_border: var(--onboard-border-color, #8a91a0);
    --_focus: var(--onboard-focus-color, #1f4fd1);
    --_success: #1e7a3c;
    color-scheme: light;
    display: block;
    max-width: var(--onboard-max-width, 28rem);
    padding: var(--onboard-padding, 1.25rem);
    border: 1px solid var(--_border);
    border-radius: var(--onboard-radius, 0.75rem);
    background: var(--_bg);
    color: var(--_fg);
    font: var(--onboard-font, 1rem/1.5 system-ui, sans-serif);
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  :host([hidden]) {
    display: none;
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.125rem;
  }
  p {
    margin: 0 0 0.75rem;
  }
  form,
  ul {
    display: grid;
    gap: 0.5rem;
  }
  label,
  button,
  strong {
    font-weight: 600;
  }
  [role='alert'] strong {
    display: block;
  }
  input,
  button {
    font: inherit;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: 0.375rem;
    background: var(--_bg);
    color: inherit;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .notice {
    color: var(--_muted);
  }
  button {
    justify-self: start;
    border-color: transparent;
    background: var(--_accent);
    color: var(--_on-accent);
    cursor: pointer;
  }
  :disabled,
  [aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .error {
    color: var(--_danger);
  }
  .hint {
    font-size: 0.875rem;
  }
  progress {
    width: 100%;
    accent-color: var(--_accent);
  }
  ul {
    list-style: none;
    padding: 0;
  }
  li {
    display: flex;
    justify-content: space-between;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0.75rem 0;
  }
  .secondary {
    background: transparent;
    color: var(--_accent);
    border-color: currentColor;
  }
  .busy::before,
  .done::before {
    display: inline-block;
    width: 0.75em;
    height: 0.75em;
    margin-inline-end: 0.5em;
    border: 0.15em solid;
    border-radius: 50%;
    content: '';
  }
  .busy::before {
    border-right-color: transparent;
    animation: spin 0.9s linear infinite;
  }
  .done::before {
    content: '✓';
    width: 1.25em;
    height: 1.25em;
    border: 0;
    background: var(--_success);
    color: var(--_bg);
    line-height: 1.25em;
    text-align: center;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .busy::before {
      animation: none;
      border-right-color: inherit;
      opacity: 0.5;
    }
  }
  @media (forced-colors: active) {
    :disabled {
      color: GrayText;
      border-color: GrayText;
    }
    .done::before {
      forced-color-adjust: none;
      background: CanvasText;
      color: Canvas;
    }
  }
  .visually-hidden {
    position: absolute;
    clip-path: inset(50%);
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
`;
