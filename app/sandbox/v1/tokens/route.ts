// The sandbox processor's tokenize endpoint (not the billing API; see server/payments/sandbox-endpoint.ts).
import { handleSandboxTokenize } from '@/server/payments/sandbox-endpoint';

export const POST = handleSandboxTokenize;
