// The server side of bench/observation-checkin.ts, its own process: the real app with the demo seeded and
// the public limit lifted (one address sends every check-in). SUMMARY {checkins, alerts}.
import { serveSeededDemo } from './demo-server';

serveSeededDemo({
  name: 'observation',
  env: { DASHU_PUBLIC_RATE_LIMIT: '1000000' },
  count: { checkins: 'observation_checkins', alerts: 'observation_alerts' },
});
