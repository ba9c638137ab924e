'use client';
// The header navigation. Client side only for what needs the browser: marking the current page and
// closing the Records/Admin menus on navigation, outside click or Escape. Without JavaScript the menus
// still open and close (they are <details> elements).
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { ADMIN_NAV, RECORD_NAV, isActive, type NavItem } from './nav-items';

function NavMenu({ label, items, pathname }: { label: string; items: NavItem[]; pathname: string }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const active = items.some((i) => isActive(pathname, i.href));

  useEffect(() => {
    const el = ref.current;
    if (el) el.open = false; // a link was followed: close
  }, [pathname]);

  useEffect(() => {
    const close = (e: Event) => {
      const el = ref.current;
      if (!el?.open) return;
      if (e instanceof KeyboardEvent) {
        if (e.key !== 'Escape') return;
        el.open = false;
        el.querySelector('summary')?.focus();
      } else if (!el.contains(e.target as Node)) {
        el.open = false;
      }
    };
    document.addEventListener('click', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('click', close);
      document.removeEventListener('keydown', close);
    };
  }, []);

  return (
    <details ref={ref} className={active ? 'nav-menu is-active' : 'nav-menu'}>
      <summary>{label}</summary>
      <ul className="nav-menu-panel">
        {items.map((i) => (
          <li key={i.href}>
            <Link href={i.href} aria-current={isActive(pathname, i.href) ? 'page' : undefined}>{i.label}</Link>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function MainNav({ showAdmin }: { showAdmin: boolean }) {
  const pathname = usePathname() ?? '/';
  const link = (href: string, label: string) => (
    <li>
      <Link className="nav-link" href={href} aria-current={isActive(pathname, href) ? 'page' : undefined}>{label}</Link>
    </li>
  );
  return (
    <nav className="main-nav" aria-label="Main">
      <ul>
        {link('/dashboard', 'Dashboard')}
        {link('/goals', 'Goals')}
        <li><NavMenu label="Records" items={RECORD_NAV} pathname={pathname} /></li>
        {showAdmin ? <li><NavMenu label="Admin" items={ADMIN_NAV} pathname={pathname} /></li> : null}
      </ul>
    </nav>
  );
}
