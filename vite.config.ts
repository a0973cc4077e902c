import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));

/** Each console is its own page: the staff console, the resident pages and the gate app. */
const pages: Record<string, string> = {
  admin: `${webRoot}/admin/index.html`,
  resident: `${webRoot}/resident/index.html`,
  gate: `${webRoot}/gate/index.html`,
};

/** Pages reached by a path other than their name: the resident form lives at /r/p/:token (QR posters). */
const aliases: Record<string, string> = { r: 'resident' };

/**
 * In development, deep links such as /admin/places/6 get their console's page, as the server does in
 * production (it serves /admin/* from dist/web/admin/index.html).
 */
function consoleFallback(): Plugin {
  return {
    name: 'dashu-console-fallback',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        const prefixes = [...Object.keys(pages), ...Object.keys(aliases)];
        const prefix = prefixes.find((name) => path === `/${name}` || path.startsWith(`/${name}/`));
        const page = prefix ? (aliases[prefix] ?? prefix) : undefined;
        const looksLikeFile =
          /\.[a-z0-9]+$/i.test(path) || path.includes('/@') || path.includes('/node_modules/');
        if (page && !looksLikeFile && req.headers.accept?.includes('text/html'))
          req.url = `/${page}/index.html`;
        next();
      });
    },
  };
}

export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react(), consoleFallback()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: pages,
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              priority: 20,
            },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|dayjs)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
  server: {
    // DASHU_API points the dev server at another local server (e.g. one started with PORT=8090).
    proxy: {
      '/api': process.env.DASHU_API ?? 'http://localhost:8080',
    },
  },
});
