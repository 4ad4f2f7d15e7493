/** The gallery page: every scene, in the language and theme the query asks for (`?lang=de&theme=dark`). */
import { SCENES, type Look } from './scenes.ts';

const query = new URLSearchParams(window.location.search);
const look: Look = {
  lang: query.get('lang') ?? 'en',
  theme: query.get('theme') === 'dark' ? 'dark' : 'light',
};
document.documentElement.dataset['theme'] = look.theme;
const list = document.querySelector('#scenes');

for (const scene of SCENES) {
  const figure = document.createElement('figure');
  figure.dataset['scene'] = scene.name;
  const caption = document.createElement('figcaption');
  caption.textContent = scene.name;
  figure.append(caption);
  list?.append(figure);
  // One at a time: the scenes share the stubbed popup.
  await scene.setUp(figure, look);
  figure.dataset['ready'] = 'true';
}
document.body.dataset['ready'] = 'true';
