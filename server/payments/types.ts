import type { Decimal } from '../money';

/**
 * The one boundary to a payment processor. Billing code only ever holds the provider's token
 * and the display facts (brand, last4, expiry, holder); the card number and CVC stay on the
 * processor's side (for the sandbox: its own tokenize endpoint, never the billing API).
 * A real provider (Stripe, Adyen, Alipay…) implements this same interface and is selected by
 * PAYMENT_PROVIDER.
 */
export type PaymentKind = 'card' | 'alipay' | 'wechat' | 'bank';

export type TokenizedMethod = {
  token: string;
  kind: PaymentKind;
  brand: string | null;
  last4: string | null;
  expMonth: number | null;
  expYear: number | null;
  holder: string | null;
};

/** Why a charge or refund did not go through, in the processor's vocabulary (Stripe-style codes). */
export type DeclineCode =
  | 'card_declined'
  | 'insufficient_funds'
  | 'expired_card'
  | 'invalid_token'
  | 'requires_manual_settlement'
  | 'processing_error';

export type ChargeInput = {
  token: string;
  amount: Decimal;
  currency: string;
  /** Same key → same outcome and the same charge id; the caller keys it by invoice and attempt. */
  idempotencyKey: string;
  description: string;
};

export type ChargeResult =
  | { status: 'succeeded'; chargeId: string; message: string }
  | { status: 'failed'; code: DeclineCode; message: string };

export type RefundInput = { chargeId: string; amount: Decimal; currency: string; idempotencyKey: string };
export type RefundResult =
  | { status: 'succeeded'; refundId: string; message: string }
  | { status: 'failed'; code: DeclineCode; message: string };

export interface PaymentProvider {
  readonly name: string;
  charge(input: ChargeInput): Promise<ChargeResult>;
  refund(input: RefundInput): Promise<RefundResult>;
  /** Reads what the token stands for (kind, brand, last4, expiry) or null when the token is not this provider's. */
  describe(token: string): Promise<TokenizedMethod | null>;
}

