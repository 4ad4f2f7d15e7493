import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    max-width: var(--onboard-max-width, 28rem);
    padding: var(--onboard-padding, 1.25rem);
    border: 1px solid var(--onboard-border-color, #d0d4dc);
    border-radius: var(--onboard-radius, 0.75rem);
    background: var(--onboard-background, #fff);
    color: var(--onboard-color, #1b1f29);
    font: var(--onboard-font, 1rem/1.5 system-ui, sans-serif);
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
  .error {
    font-weight: 600;
  }
  input,
  button {
    font: inherit;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--onboard-border-color, #8a91a0);
    border-radius: 0.375rem;
  }
  [aria-invalid='true'] {
    border-color: var(--onboard-danger-color, #b3261e);
  }
  .notice {
    color: var(--onboard-muted-color, #4d5566);
  }
  button {
    justify-self: start;
    border: 0;
    background: var(--onboard-accent-color, #1f4fd1);
    color: var(--onboard-accent-text-color, #fff);
    cursor: pointer;
  }
  :focus-visible {
    outline: 3px solid var(--onboard-focus-color, #8fb0ff);
    outline-offset: 2px;
  }
  .error {
    color: var(--onboard-danger-color, #b3261e);
  }
  .hint {
    font-size: 0.875rem;
  }
  progress {
    width: 100%;
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
    color: var(--onboard-accent-color, #1f4fd1);
    border: 1px solid currentColor;
  }
  .visually-hidden {
    position: absolute;
    clip-path: inset(50%);
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
`;
