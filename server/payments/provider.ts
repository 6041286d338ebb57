import { sandboxProvider } from './sandbox-provider';
import type { PaymentProvider } from './types';

export type * from './types';

/** Registered processors; a real one (Stripe, Adyen, Alipay…) is added here behind the same interface. */
const providers: Record<string, PaymentProvider> = { sandbox: sandboxProvider };

/** The configured provider (PAYMENT_PROVIDER, default the built-in sandbox). */
export function paymentProvider(name = process.env.PAYMENT_PROVIDER ?? 'sandbox'): PaymentProvider {
  const provider = providers[name];
  if (!provider) throw new Error(`unknown payment provider ${name}`);
  return provider;
}

/** A card's expiry month is still current (processor-independent; the sandbox checks the same at tokenize and charge). */
export { expiryInFuture } from './sandbox-provider';
