import { router } from '../trpc/init';
import { staffProcedure } from '../trpc/procedures';
import { createServiceCredentialInput } from './schema';
import {
  issuedServiceCredential, revokeServiceCredentialInput, rotateServiceCredentialInput, serviceCredentialList, serviceCredentialView,
} from './service-credentials-schema';
import { createServiceCredential, listServiceCredentials, revokeServiceCredential, rotateServiceCredential } from './service-credentials';

/** `staff.serviceCredentials.*`: credentials of internal services (compliance-service), staff admins only. */
export const staffServiceCredentialsRouter = router({
  list: staffProcedure('admin').output(serviceCredentialList).query(() => listServiceCredentials()),
  create: staffProcedure('admin').input(createServiceCredentialInput).output(issuedServiceCredential).mutation(({ ctx, input }) => createServiceCredential(input, ctx.actor)),
  rotate: staffProcedure('admin').input(rotateServiceCredentialInput).output(issuedServiceCredential).mutation(({ ctx, input }) => rotateServiceCredential(input, ctx.actor)),
  revoke: staffProcedure('admin').input(revokeServiceCredentialInput).output(serviceCredentialView).mutation(({ ctx, input }) => revokeServiceCredential(input, ctx.actor)),
});
