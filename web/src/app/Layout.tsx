import { useState } from "react";
import { NavLink, Outlet, useLocation } from "react-router";
import { useSession } from "../auth/SessionProvider";
import { OrganizationSwitcher } from "../features/organizations/OrganizationSwitcher";

const NAVIGATION = [
  { to: "/", label: "Overview", end: true },
  { to: "/explorer", label: "Emissions explorer" },
  { to: "/activities", label: "Activities" },
  { to: "/facilities", label: "Facilities & meters" },
  { to: "/factors", label: "Factor library" },
  { to: "/targets", label: "Targets" },
  { to: "/reports", label: "Reports" },
  { to: "/settings", label: "Settings" },
];

/** The signed-in frame: skip link, header with the organisation switcher, navigation. */
export function Layout() {
  const { session, signOut } = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top-bar">
        <a className="brand" href="/" aria-label="EcoTrack home">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>EcoTrack</span>
        </a>
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="primary-navigation"
          onClick={() => setMenuOpen((open) => !open)}
        >
          Menu
        </button>
        <OrganizationSwitcher />
        <div className="user-menu">
          <span className="user-email">{session?.email}</span>
          {session?.role && <span className="role-badge">{session.role}</span>}
          <button type="button" className="secondary" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <div className="frame">
        <nav id="primary-navigation" aria-label="Primary" className={menuOpen ? "open" : undefined}>
          <ul>
            {NAVIGATION.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end} onClick={() => setMenuOpen(false)}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1} key={location.pathname.split("/")[1]}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
