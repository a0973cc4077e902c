import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));

/** Each console is its own page: the staff console and the gate app; the resident pages (below). */
const staffPages = {
  admin: `${webRoot}/admin/index.html`,
  gate: `${webRoot}/gate/index.html`,
};
const residentPage = { resident: `${webRoot}/resident/index.html` };
const pages: Record<string, string> = { ...staffPages, ...residentPage };

/**
 * The resident form is built on its own (`vite build --mode resident`, after the main build) with Preact
 * standing in for React: it is the page opened by thousands of phones on a weak signal, it uses nothing
 * but plain hooks, and React's 66 KB (gzipped) were two thirds of its code. Same sources, same types;
 * only the bundle differs. The staff console and the gate app keep React (Ant Design needs it).
 */
const RESIDENT_MODE = 'resident';
const preactForReact = {
  'react-dom/client': 'preact/compat/client',
  'react-dom': 'preact/compat',
  'react/jsx-runtime': 'preact/jsx-runtime',
  'react/jsx-dev-runtime': 'preact/jsx-dev-runtime',
  react: 'preact/compat',
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

export default defineConfig(({ mode, command }) => {
  const residentOnly = command === 'build' && mode === RESIDENT_MODE;
  return {
    root: 'src/web',
    base: '/',
    plugins: [react(), consoleFallback()],
    resolve: residentOnly ? { alias: preactForReact } : {},
    build: {
      outDir: '../../dist/web',
      // The resident build adds its page beside the others.
      emptyOutDir: !residentOnly,
      chunkSizeWarningLimit: 1200,
      rolldownOptions: {
        input: command === 'build' ? (residentOnly ? residentPage : staffPages) : pages,
        // The resident page is one entry: one file, no shared chunks to wait for.
        output: residentOnly
          ? {}
          : {
              codeSplitting: {
                groups: [
                  // Every page needs React and the bundler's two small helpers (module runtime, preload): one
                  // file for them all, so a phone on a slow network waits for fewer requests in parallel.
                  {
                    name: 'react',
                    test: /node_modules[\\/](react|react-dom|scheduler)[\\/]|^\0(rolldown\/runtime|vite\/preload-helper|vite\/modulepreload-polyfill)/,
                    priority: 20,
                  },
                  // Code shared between the server and the pages (parsers, dates, rules): one file too.
                  {
                    name: 'shared',
                    test: /[\\/]src[\\/]shared[\\/]/,
                    priority: 15,
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
  };
});
