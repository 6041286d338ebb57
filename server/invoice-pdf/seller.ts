/** The platform as the invoice's seller; each field from the environment, with the open-source project's defaults. */
export type SellerDetails = { name: string; taxId: string | null; address: string | null; email: string | null };

export function sellerDetails(env: NodeJS.ProcessEnv = process.env): SellerDetails {
  const optional = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : null);
  return {
    name: optional(env.INVOICE_SELLER_NAME) ?? 'Counterfoil',
    taxId: optional(env.INVOICE_SELLER_TAX_ID),
    address: optional(env.INVOICE_SELLER_ADDRESS),
    email: optional(env.INVOICE_SELLER_EMAIL) ?? 'billing@counterfoil.local',
  };
}
