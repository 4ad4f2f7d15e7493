/** The Link pages' stylesheet, served from its own path so pages need no inline style. */
export const LINK_CSS = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; display: grid; place-items: start center; min-height: 100vh; background: Canvas; color: CanvasText; }
main { width: min(100% - 2rem, 28rem); margin: 2rem 0; }
.simulator-badge { font-size: 0.8rem; padding: 0.25rem 0.5rem; border: 1px dashed GrayText; display: inline-block; }
fieldset + fieldset { margin-top: 0.75rem; }
fieldset { border: 1px solid GrayText; border-radius: 0.5rem; padding: 0.75rem 1rem; }
.platform { display: flex; gap: 0.5rem; align-items: center; padding: 0.25rem 0; }
.actions { display: flex; gap: 0.5rem; margin-top: 1rem; flex-wrap: wrap; }
button { font: inherit; padding: 0.5rem 1rem; border-radius: 0.375rem; border: 1px solid GrayText; cursor: pointer; }
button[value="authorise"], button[value="continue"] { background: #2563eb; color: #fff; border-color: #2563eb; }
.error { color: #b91c1c; font-weight: 600; }
`;
