import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../src-main/contract/result';
import { errorText } from './station-text';

/**
 * `errorText` for code that runs in effects: one function for the component's life that says
 * the error in the language of the moment (an effect depending on `t` would run again, and
 * fetch or pair again, each time the cashier switches language).
 */
export function useErrorText(): (error: ContractError) => string {
  const { i18n } = useTranslation();
  return useCallback((error: ContractError) => errorText(i18n.t.bind(i18n), error), [i18n]);
}
