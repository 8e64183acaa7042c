import type { NextConfig } from 'next';

// Static export served by the ASP.NET service on the same origin (issue 5): no server runtime, no CDN.
const nextConfig: NextConfig = {
  output: 'export',
  trailingSlash: true,
  images: { unoptimized: true },
  // The dev server proxies the API to a local service or the mock (only used by `next dev`).
  ...(process.env.NODE_ENV === 'development'
    ? {
        // trailingSlash would 308 `/api/x` to `/api/x/` before the proxy; the API has no trailing slashes.
        skipTrailingSlashRedirect: true,
        async rewrites() {
          const target = process.env.CODEROOM_API ?? 'http://127.0.0.1:8080';
          return [{ source: '/api/:path*', destination: `${target}/api/:path*` }];
        },
      }
    : {}),
};

export default nextConfig;
