// The server side of bench/campaigns.ts (and the helpers and visit-page benchmarks), its own process: the
// real app with the full demo seeded (Ziluoyuan: 3,500 households). SUMMARY {visits, declarations}.
import { serveSeededDemo } from './demo-server';

serveSeededDemo({
  name: 'campaigns',
  count: { visits: 'campaign_visits', declarations: 'declarations' },
});
