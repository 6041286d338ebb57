import Link from 'next/link';
import type { ReactNode } from 'react';
import { signOutAction } from './actions';
import { LanguageSwitch } from './LanguageSwitch';
import { NavLinks, type NavItem } from './NavLinks';
import { buttonClassName } from '@/components/ui';

type AppShellProps = {
  brandHref: string;
  brand: string;
  context: ReactNode;
  nav: NavItem[];
  navLabel: string;
  userLabel: string;
  signOutLabel: string;
  footer?: ReactNode;
  banner?: ReactNode;
  /** Controls at the start of the top bar's right side (the tenant shell's notification bell). */
  actions?: ReactNode;
  children: ReactNode;
};

/** The frame of every signed-in page: sidebar, top bar with language and sign-out, main column. */
export function AppShell(props: AppShellProps) {
  return (
    <div className="cf-shell">
      {props.banner}
      <aside className="cf-sidebar">
        <Link className="cf-brand" href={props.brandHref}>{props.brand}</Link>
        <NavLinks items={props.nav} label={props.navLabel} />
        {props.footer ? <div className="cf-sidebar-footer">{props.footer}</div> : null}
      </aside>
      <header className="cf-topbar">
        <div className="cf-row cf-row-between" style={{ width: '100%' }}>
          <div className="cf-row">{props.context}</div>
          <div className="cf-row">
            {props.actions}
            <span className="cf-muted cf-small" data-testid="signed-in-user">{props.userLabel}</span>
            <LanguageSwitch />
            <form action={signOutAction}>
              <button type="submit" className={buttonClassName('ghost', 'sm')}>{props.signOutLabel}</button>
            </form>
          </div>
        </div>
      </header>
      <main className="cf-main" id="main">{props.children}</main>
    </div>
  );
}
