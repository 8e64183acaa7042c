'use client';
import { useEffect, useState } from 'react';
import { getToken, onTokenChange } from './auth';

export type Theme = 'light' | 'dark';
const THEME_KEY = 'coderoom:theme';
const themeListeners = new Set<(t: Theme) => void>();

function initialTheme(): Theme {
  const saved = localStorage.getItem(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function useTheme(): [Theme, (t: Theme) => void] {
  const [theme, setThemeState] = useState<Theme>('light');
  useEffect(() => {
    const t = initialTheme();
    setThemeState(t);
    document.documentElement.dataset.theme = t;
    const l = (x: Theme) => setThemeState(x);
    themeListeners.add(l);
    return () => {
      themeListeners.delete(l);
    };
  }, []);
  const setTheme = (t: Theme) => {
    localStorage.setItem(THEME_KEY, t);
    document.documentElement.dataset.theme = t;
    themeListeners.forEach((l) => l(t));
  };
  return [theme, setTheme];
}

/** The bearer token, or undefined before the first client render (so SSR/export markup stays neutral). */
export function useToken(): string | null | undefined {
  const [token, setToken] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    setToken(getToken());
    return onTokenChange(setToken);
  }, []);
  return token;
}
