/*
 * The signed-in API key lives in sessionStorage only: it is gone when the tab closes and is
 * never shared with other tabs or written to disk the way localStorage would keep it.
 */
const KEY = 'afp.apiKey';

export const readApiKey = (): string | null => sessionStorage.getItem(KEY);
export const saveApiKey = (apiKey: string): void => sessionStorage.setItem(KEY, apiKey);
export const forgetApiKey = (): void => sessionStorage.removeItem(KEY);
