// Client routes. The server's SPA fallback must answer these with index.html.
export const ROUTES = {
  home: '/',
  declare: '/declare',
  services: '/services',
  appointments: '/appointments',
  officer: '/officer',
  me: '/me',
  inbox: '/inbox',
} as const;
