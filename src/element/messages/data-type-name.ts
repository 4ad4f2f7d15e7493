import { entry, render, type Words } from './catalogue.ts';

/**
 * A data type in human words: the language's entry (`type.<dataType>`), else the platform's name spelled out
 * ("banking-accountBalances" → "Banking account balances") for a type newer than our words.
 */
export function dataTypeName(t: Words, dataType: string): string {
  const known = entry(t, `type.${dataType}`);
  if (known !== undefined) return render(known);
  const words = dataType
    .replace(/[-_]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
