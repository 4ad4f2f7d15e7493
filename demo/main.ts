import './event-log.ts';
import '../src/index.ts';

const element = document.querySelector('company-onboard');
if (element !== null) {
  // The simulator's hosted Link runs on this very origin; allow it next to Codat's own hosts.
  element.linkOrigins = `${element.linkOrigins} ${window.location.origin}`;
  const chosen = new URLSearchParams(window.location.search).get('mode');
  const radios = document.querySelectorAll<HTMLInputElement>('#mode input[name="mode"]');
  for (const radio of radios) {
    if (radio.value === chosen) radio.checked = true;
    radio.addEventListener('change', () => {
      if (radio.checked) element.linkMode = radio.value as typeof element.linkMode;
    });
  }
  element.linkMode = ([...radios].find((r) => r.checked)?.value ?? 'auto') as typeof element.linkMode;
}
