import { createContext, useContext } from 'react';
import { numberStyle, readAmount, type NumberStyle } from './editor/number-text';

/** The store's number style (decimal comma or point), for every amount field in the window. */
export const NumberStyleContext = createContext<NumberStyle>(numberStyle('en'));

/** The store's number style, as the cashier window was given it. */
export function useNumberStyle(): NumberStyle {
  return useContext(NumberStyleContext);
}

/** An amount typed in the store's style, in minor units, or null (never a guess). */
export function readMoney(text: string, currency: string, style: NumberStyle): number | null {
  const r = readAmount(text, currency, style);
  return r.ok ? r.value : null;
}
