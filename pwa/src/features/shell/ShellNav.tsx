import { BottomNav, type NavItem } from '../../components/BottomNav';
import { t } from '../../i18n';
import { AppointmentsIcon, DeclareIcon, HomeIcon, MeIcon, ServicesIcon } from './ShellIcons';

export function ShellNav() {
  const items: NavItem[] = [
    { href: '/', label: t('nav.home'), icon: <HomeIcon /> },
    { href: '/declare', label: t('nav.declare'), icon: <DeclareIcon /> },
    { href: '/services', label: t('nav.services'), icon: <ServicesIcon /> },
    { href: '/appointments', label: t('nav.appointments'), icon: <AppointmentsIcon /> },
    { href: '/me', label: t('nav.me'), icon: <MeIcon /> },
  ];
  return <BottomNav items={items} label={t('nav.label')} />;
}
