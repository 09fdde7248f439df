import { render } from 'preact';
import { LocationProvider, Route, Router, lazy } from 'preact-iso';
import './styles.css';
import { LoadErrorBoundary } from './components/LoadErrorBoundary';
import { OfflineBanner } from './components/OfflineBanner';
import { UpdatePrompt } from './components/UpdatePrompt';
import { ShellFooter } from './features/shell/ShellFooter';
import { ShellHeader } from './features/shell/ShellHeader';
import { ShellNav } from './features/shell/ShellNav';
import { bindDocumentLanguage, locale, t } from './i18n';
import HomeRoute from './routes/HomeRoute';
import { ROUTES } from './routes/paths';
import { registerServiceWorker } from './sw-bridge';

// The account screens' words in the current language, fetched together with the screen's chunk
// instead of after it (the screen's module waits for them: one round trip fewer before the
// sign-in page shows). The same files identityMessages.ts imports, so they are fetched once.
const IDENTITY_WORDS = {
  en: () => import('./features/identity/identityMessages.en'),
  'zh-Hans': () => import('./features/identity/identityMessages.zh-Hans'),
  'zh-Hant': () => import('./features/identity/identityMessages.zh-Hant'),
} as const;
function withIdentityWords<T>(route: () => Promise<T>): () => Promise<T> {
  return () => {
    void IDENTITY_WORDS[locale.value]();
    return route();
  };
}

// Only the home screen is in the first bundle; every other screen is its own chunk.
const DeclareRoute = lazy(() => import('./routes/DeclareRoute'));
const DeclareDraftRoute = lazy(() => import('./routes/DeclareDraftRoute'));
const DeclareSentRoute = lazy(() => import('./routes/DeclareSentRoute'));
const DeclarationRoute = lazy(() => import('./routes/DeclarationRoute'));
const DeclarationLinkRoute = lazy(() => import('./routes/DeclarationLinkRoute'));
const OfficerVerifyRoute = lazy(() => import('./routes/OfficerVerifyRoute'));
const ServicesRoute = lazy(() => import('./routes/ServicesRoute'));
const ServiceItemRoute = lazy(() => import('./routes/ServiceItemRoute'));
const ServiceApplyRoute = lazy(() => import('./routes/ServiceApplyRoute'));
const ApplicationsRoute = lazy(() => import('./routes/ApplicationsRoute'));
const ApplicationRoute = lazy(() => import('./routes/ApplicationRoute'));
const ApplicationFixRoute = lazy(() => import('./routes/ApplicationFixRoute'));
const OfficerReviewsRoute = lazy(() => import('./routes/OfficerReviewsRoute'));
const OfficerReviewRoute = lazy(() => import('./routes/OfficerReviewRoute'));
const AppointmentsRoute = lazy(() => import('./routes/AppointmentsRoute'));
const AppointmentBookRoute = lazy(() => import('./routes/AppointmentBookRoute'));
const AppointmentRoute = lazy(() => import('./routes/AppointmentRoute'));
const OfficerAppointmentsRoute = lazy(() => import('./routes/OfficerAppointmentsRoute'));
const OfficerRoute = lazy(() => import('./routes/OfficerRoute'));
const OfficerNoticesRoute = lazy(() => import('./routes/OfficerNoticesRoute'));
const OfficerMaterialsRoute = lazy(() => import('./routes/OfficerMaterialsRoute'));
const OfficerItemsRoute = lazy(() => import('./routes/OfficerItemsRoute'));
const OfficerPaymentsRoute = lazy(() => import('./routes/OfficerPaymentsRoute'));
const OfficerFeedbackRoute = lazy(() => import('./routes/OfficerFeedbackRoute'));
const OfficerArticlesRoute = lazy(() => import('./routes/OfficerArticlesRoute'));
const OfficerDrawsRoute = lazy(() => import('./routes/OfficerDrawsRoute'));
const FairDrawsRoute = lazy(() => import('./routes/FairDrawsRoute'));
const FairIdentityRoute = lazy(() => import('./routes/FairIdentityRoute'));
const OfficerAlertsRoute = lazy(() => import('./routes/OfficerAlertsRoute'));
const OfficerEnrolRoute = lazy(() => import('./routes/OfficerEnrolRoute'));
const MeRoute = lazy(withIdentityWords(() => import('./routes/MeRoute')));
const SignInRoute = lazy(withIdentityWords(() => import('./routes/SignInRoute')));
const SignUpRoute = lazy(withIdentityWords(() => import('./routes/SignUpRoute')));
const SecurityRoute = lazy(withIdentityWords(() => import('./routes/SecurityRoute')));
const EnterprisesRoute = lazy(() => import('./routes/EnterprisesRoute'));
const DataAccessRoute = lazy(() => import('./routes/DataAccessRoute'));
const InboxRoute = lazy(() => import('./routes/InboxRoute'));
const InboxSettingsRoute = lazy(() => import('./routes/InboxSettingsRoute'));
const HelpRoute = lazy(() => import('./routes/HelpRoute'));
const HelpArticleRoute = lazy(() => import('./routes/HelpArticleRoute'));
const HelpFeedbackRoute = lazy(() => import('./routes/HelpFeedbackRoute'));
const HelpPublicRoute = lazy(() => import('./routes/HelpPublicRoute'));
const NotFoundRoute = lazy(() => import('./routes/NotFoundRoute'));

export function App() {
  return (
    <LocationProvider>
      <a class="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <div class="shell">
        <ShellHeader />
        <OfflineBanner />
        <ShellNav />
        <main id="main" class="shell-main" tabIndex={-1}>
          <LoadErrorBoundary>
            <Router>
              <Route path={ROUTES.home} component={HomeRoute} />
              <Route path={ROUTES.declare} component={DeclareRoute} />
              <Route path={ROUTES.declareDraft} component={DeclareDraftRoute} />
              <Route path={ROUTES.declareSent} component={DeclareSentRoute} />
              <Route path={ROUTES.declaration} component={DeclarationRoute} />
              <Route path={ROUTES.declarationLink} component={DeclarationLinkRoute} />
              <Route path={ROUTES.services} component={ServicesRoute} />
              <Route path={ROUTES.serviceItem} component={ServiceItemRoute} />
              <Route path={ROUTES.serviceApply} component={ServiceApplyRoute} />
              <Route path={ROUTES.applications} component={ApplicationsRoute} />
              <Route path={ROUTES.application} component={ApplicationRoute} />
              <Route path={ROUTES.applicationFix} component={ApplicationFixRoute} />
              <Route path={ROUTES.appointments} component={AppointmentsRoute} />
              <Route path={ROUTES.appointmentBook} component={AppointmentBookRoute} />
              <Route path={ROUTES.appointment} component={AppointmentRoute} />
              <Route path={ROUTES.officer} component={OfficerRoute} />
              <Route path={ROUTES.officerEnrol} component={OfficerEnrolRoute} />
              <Route path={ROUTES.officerVerify} component={OfficerVerifyRoute} />
              <Route path={ROUTES.officerReviews} component={OfficerReviewsRoute} />
              <Route path={ROUTES.officerReview} component={OfficerReviewRoute} />
              <Route path={ROUTES.officerAppointments} component={OfficerAppointmentsRoute} />
              <Route path={ROUTES.officerNotices} component={OfficerNoticesRoute} />
              <Route path={ROUTES.officerMaterials} component={OfficerMaterialsRoute} />
              <Route path={ROUTES.officerItems} component={OfficerItemsRoute} />
              <Route path={ROUTES.officerPayments} component={OfficerPaymentsRoute} />
              <Route path={ROUTES.officerFeedback} component={OfficerFeedbackRoute} />
              <Route path={ROUTES.officerArticles} component={OfficerArticlesRoute} />
              <Route path={ROUTES.officerDraws} component={OfficerDrawsRoute} />
              <Route path={ROUTES.appointmentDraws} component={FairDrawsRoute} />
              <Route path={ROUTES.identity} component={FairIdentityRoute} />
              <Route path={ROUTES.officerAlerts} component={OfficerAlertsRoute} />
              <Route path={ROUTES.me} component={MeRoute} />
              <Route path={ROUTES.signIn} component={SignInRoute} />
              <Route path={ROUTES.signUp} component={SignUpRoute} />
              <Route path={ROUTES.security} component={SecurityRoute} />
              <Route path={ROUTES.enterprises} component={EnterprisesRoute} />
              <Route path={ROUTES.dataAccess} component={DataAccessRoute} />
              <Route path={ROUTES.inbox} component={InboxRoute} />
              <Route path={ROUTES.inboxSettings} component={InboxSettingsRoute} />
              <Route path={ROUTES.help} component={HelpRoute} />
              <Route path={ROUTES.helpArticle} component={HelpArticleRoute} />
              <Route path={ROUTES.helpFeedback} component={HelpFeedbackRoute} />
              <Route path={ROUTES.helpPublic} component={HelpPublicRoute} />
              <Route default component={NotFoundRoute} />
            </Router>
          </LoadErrorBoundary>
        </main>
        <ShellFooter />
      </div>
      <UpdatePrompt />
    </LocationProvider>
  );
}

bindDocumentLanguage();
const root = document.getElementById('app');
if (root) render(<App />, root);
// After the first screen has loaded: the worker's install fetches the whole precache, which must
// not compete with the first screen for the network and the main thread. The outbox (sent at
// start, on `online` and on Background Sync) loads then too.
function afterLoad(): void {
  if (import.meta.env.PROD) void registerServiceWorker();
  // The outbox's modules wait until the browser is idle (at most 3 s), so they do not compete
  // with the first screen's own chunks, which load after `load`.
  const startOutbox = () => void import('./offline/outboxStart').then((m) => m.startOutbox());
  if ('requestIdleCallback' in window) requestIdleCallback(startOutbox, { timeout: 3000 });
  else setTimeout(startOutbox, 1000);
}
if (document.readyState === 'complete') afterLoad();
else addEventListener('load', afterLoad, { once: true });
