// Client routes. The server's SPA fallback must answer these with index.html.
export const ROUTES = {
  home: '/',
  declare: '/declare',
  declareDraft: '/declare/draft/:id/:step/:item?',
  declareSent: '/declare/sent/:key',
  declaration: '/declare/declarations/:id',
  /** Where the server's notifications link a declaration (see DeclarationLinkRoute). */
  declarationLink: '/declare/:id',
  services: '/services',
  appointments: '/appointments',
  officer: '/officer',
  officerEnrol: '/officer/enrol',
  officerVerify: '/officer/verify',
  me: '/me',
  signIn: '/me/sign-in',
  signUp: '/me/sign-up',
  security: '/me/security',
  enterprises: '/me/enterprises',
  inbox: '/inbox',
  inboxSettings: '/inbox/settings',
} as const;
