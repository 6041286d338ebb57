/** `npm run db:seed` (and `npm start` on first start, with --if-empty): the demo tenants and their history. */
import { prisma } from '../../server/db';
import { DEMO_PASSWORD } from './factories';
import { seedDemo, seedState } from './demo';

async function main() {
  if (process.argv.includes('--if-empty')) {
    const state = await seedState();
    if (state === 'complete') return void console.log('[seed] database already seeded');
    if (state === 'partial') {
      throw new Error('the database holds tenants but no finished seed (an earlier seed stopped half-way?): start from an empty database '
        + '(embedded: remove the data folder\'s pg directory) or point DATABASE_URL at an empty one');
    }
  }
  const started = Date.now();
  const { accounts, staff, credentialsFile } = await seedDemo();
  console.log(`[seed] demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`[seed] sign in with any of these (password: ${DEMO_PASSWORD}):`);
  for (const account of accounts) console.log(`         ${account.tenant}  ${account.role.padEnd(8)} ${account.email}`);
  for (const [role, user] of Object.entries(staff)) console.log(`         staff     ${role.padEnd(8)} ${user.email}`);
  console.log(`[seed] API keys and the compliance-service credential: ${credentialsFile}`);
}

main()
  .then(() => prisma.$disconnect())
  .catch(async (error) => {
    console.error('[seed] failed:', error);
    await prisma.$disconnect();
    process.exit(1);
  });
