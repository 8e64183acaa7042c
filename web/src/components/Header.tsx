'use client';
import type { ReactNode } from 'react';
import { setToken, tokenRole, tokenSubject, getToken } from '../lib/auth';
import { useTheme } from '../lib/hooks';

export function Header({ children }: { children?: ReactNode }) {
  const [theme, setTheme] = useTheme();
  const user = tokenSubject(getToken());
  const onAdminPage = typeof window !== 'undefined' && window.location.pathname.startsWith('/admin');
  const isAdmin = tokenRole(getToken()) === 'admin' && !onAdminPage;
  return (
    <header className="topbar">
      <a href="../" className="brand" onClick={(e) => { e.preventDefault(); window.location.href = '/'; }}>
        CodeRoom
      </a>
      <div className="grow">{children}</div>
      {isAdmin && (
        <a href="/admin/" className="small" data-testid="admin-link">
          Admin dashboard
        </a>
      )}
      <button
        type="button"
        className="ghost"
        onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
        aria-label="Toggle theme"
        data-testid="theme-toggle"
      >
        {theme === 'dark' ? '☀ Light' : '☾ Dark'}
      </button>
      {user && (
        <span className="user muted small" title="Signed in">
          {user}{' '}
          <button type="button" className="link" onClick={() => setToken(null)}>
            sign out
          </button>
        </span>
      )}
    </header>
  );
}
