import { BottomNav, type NavItem } from '../../components/BottomNav';
import { t } from '../../i18n';
import { me, rememberedOfficerRoles } from '../identity/identitySession';
import {
  AppointmentsIcon,
  DeclareIcon,
  HomeIcon,
  MeIcon,
  QueueIcon,
  ServicesIcon,
  VerifyIcon,
  WorkspaceIcon,
} from './ShellIcons';

/** The tools an officer's roles open, most used first (the workspace page lists every tool). */
export function officerNavItems(roles: readonly string[]): NavItem[] {
  const has = (...wanted: string[]) => roles.some((r) => wanted.includes(r));
  const items: NavItem[] = [{ href: '/officer', label: t('nav.workspace'), icon: <WorkspaceIcon /> }];
  items.push({ href: '/officer/verify', label: t('nav.verify'), icon: <VerifyIcon /> });
  if (has('reviewer', 'senior_reviewer')) items.push({ href: '/officer/reviews', label: t('nav.reviews'), icon: <QueueIcon /> });
  if (has('window_clerk', 'supervisor')) items.push({ href: '/officer/appointments', label: t('nav.day'), icon: <AppointmentsIcon /> });
  if (has('supervisor', 'administrator')) items.push({ href: '/officer/feedback', label: t('nav.feedback'), icon: <QueueIcon /> });
  items.push({ href: '/me', label: t('nav.me'), icon: <MeIcon /> });
  return items;
}

export function ShellNav() {
  const account = me.value;
  // Not confirmed yet (offline, or the answer is on its way): the roles last seen on this device.
  const roles = account === undefined ? rememberedOfficerRoles.value : account?.officer?.roles;
  // Officers get their workspace's navigation; the traveller's screens stay out of the way.
  const officer = roles != null;
  const items: NavItem[] = roles
    ? officerNavItems(roles)
    : [
        { href: '/', label: t('nav.home'), icon: <HomeIcon /> },
        { href: '/declare', label: t('nav.declare'), icon: <DeclareIcon /> },
        { href: '/services', label: t('nav.services'), icon: <ServicesIcon /> },
        { href: '/appointments', label: t('nav.appointments'), icon: <AppointmentsIcon /> },
        { href: '/me', label: t('nav.me'), icon: <MeIcon /> },
      ];
  return <BottomNav items={items} label={t(officer ? 'nav.officerLabel' : 'nav.label')} />;
}
