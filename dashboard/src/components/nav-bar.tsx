import { useState } from 'preact/hooks';
import { dashboardPages, type PageId } from '../lib/dashboard-routes';

export interface NavBarProps {
  current: PageId;
}

/**
 * The five pages as links (`#/overview`, …): Tab reaches each, Enter follows it, and the current one
 * is marked with `aria-current`. On a narrow screen the list folds behind a Menu button.
 */
export function NavBar({ current }: NavBarProps) {
  const [isOpen, setOpen] = useState(false);
  return (
    <nav class="nav" aria-label="Dashboard pages">
      <button
        type="button"
        class="nav-toggle"
        aria-expanded={isOpen}
        aria-controls="nav-list"
        onClick={() => setOpen(!isOpen)}
      >
        Menu
      </button>
      <ul id="nav-list" class={isOpen ? 'nav-list is-open' : 'nav-list'}>
        {dashboardPages.map((page) => (
          <li key={page.id}>
            <a
              href={`#/${page.id}`}
              aria-current={page.id === current ? 'page' : undefined}
              onClick={() => setOpen(false)}
            >
              {page.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
