import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    box-sizing: border-box;
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
  form {
    display: grid;
    gap: 0.5rem;
  }
  label {
    font-weight: 600;
  }
  input {
    font: inherit;
    padding: 0.5rem 0.625rem;
    border: 1px solid var(--onboard-border-color, #8a91a0);
    border-radius: 0.375rem;
  }
  input[aria-invalid='true'] {
    border-color: var(--onboard-danger-color, #b3261e);
  }
  .hint {
    color: var(--onboard-muted-color, #4d5566);
    font-size: 0.875rem;
    margin: 0;
  }
  button {
    justify-self: start;
    font: inherit;
    font-weight: 600;
    padding: 0.5rem 1rem;
    border: 0;
    border-radius: 0.375rem;
    background: var(--onboard-accent-color, #1f4fd1);
    color: var(--onboard-accent-text-color, #fff);
    cursor: pointer;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--onboard-focus-color, #8fb0ff);
    outline-offset: 2px;
  }
  button.secondary {
    background: transparent;
    color: var(--onboard-accent-color, #1f4fd1);
    border: 1px solid currentColor;
  }
  .error {
    color: var(--onboard-danger-color, #b3261e);
    font-weight: 600;
  }
  .notice {
    color: var(--onboard-muted-color, #4d5566);
  }
  progress {
    width: 100%;
    height: 0.75rem;
    margin: 0.25rem 0 0.75rem;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25rem;
  }
  li {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
