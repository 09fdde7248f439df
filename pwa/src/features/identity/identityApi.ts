// The app's secure request: the GraphQL client with step-up and sign-in handling (forms use this).
import { client } from '../../graphql/client';
import { me, navigate, signInPath } from './identitySession';
import { createSecureRequest, stepUpStatus } from './identityStepUp';

export const secureRequest = createSecureRequest({
  client,
  onStatus: (status) => {
    stepUpStatus.value = status;
  },
  onUnauthenticated: () => {
    me.value = null;
    navigate(signInPath(location.pathname + location.search));
  },
});
