import type { JourneyError, StepFailure } from '../../machine/index.ts';
import { entry, render, type Words } from './catalogue.ts';
import { dataTypeName } from './data-type-name.ts';

/** What the user reads about an error: a heading and what happened and what to do next. */
export interface ErrorWords {
  readonly title: string;
  readonly message: string;
}

/**
 * The words for an error, in the user's language: the entries for its code (the integrator's `strings` are
 * already merged into `t`); for a code we have no words for (an integrator's backend speaks codes of its own),
 * the backend's sentence, else the general words. Data types in the parameters are named in human words.
 */
export function errorWords(t: Words, error: JourneyError | StepFailure): ErrorWords {
  const message = entry(t, `error.${error.code}`);
  const title = entry(t, `heading.${error.code}`);
  const { types } = error.params;
  const params =
    types === undefined
      ? error.params
      : { ...error.params, types: types.map((type) => dataTypeName(t, type)) };
  return {
    title: title === undefined ? t.errorTitle : render(title, params),
    message: render(message ?? error.params.serverText ?? t.errorText, params),
  };
}
