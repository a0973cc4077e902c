// The indicators of observation, requests and care (issue 17: each module adds its own numbers). Defined
// here beside the core ones so the console and the server share one dictionary; each is owned by its
// module, whose fact source (modules/<m>/<m>.facts.ts) counts it.
import type { Bilingual, Indicator } from './indicators';

const PEOPLE = { zh: '人', en: 'people' };
const ITEMS = { zh: '件', en: 'items' };
const WHY =
  'Counted by the facts job every minute from the module’s own tables: its writers stay as they are, and a minute behind is within the 60 s the dashboards promise.';

function counted(
  owner: string,
  id: string,
  name: Bilingual,
  definition: Bilingual,
  formula: string,
  kind: 'snapshot' | 'daily',
  unit: Bilingual = ITEMS,
): Indicator {
  return {
    id,
    name,
    definition,
    formula,
    unit,
    owner,
    kind,
    refresh: 'job',
    refreshWhy: WHY,
    byBuilding: false,
    drill: null,
  };
}

export const OBSERVATION_INDICATORS: Indicator[] = [
  counted(
    'observation',
    'observation.active',
    { zh: '观察中', en: 'Under observation' },
    { zh: '居家或集中观察尚未解除的人数', en: 'People in home or centralised observation not yet ended' },
    'count(observations where ended_at is null)',
    'snapshot',
    PEOPLE,
  ),
  counted(
    'observation',
    'observation.alerts_open',
    { zh: '未处理预警', en: 'Open alerts' },
    {
      zh: '体温≥37.3℃或有症状、尚未确认的观察预警',
      en: 'Observation alerts (≥ 37.3 °C or a symptom) not yet acknowledged',
    },
    'count(observation_alerts where acknowledged_at is null)',
    'snapshot',
  ),
  counted(
    'observation',
    'observation.slots_missed',
    { zh: '漏报', en: 'Missed check-ins' },
    {
      zh: '当日（北京时间）窗口结束30分钟后仍未报告的观察报告时段',
      en: 'Check-in slots of the Beijing day with no reading 30 minutes after their window',
    },
    "count(observation_slots where day = the day and state = 'missed')",
    'daily',
    { zh: '次', en: 'times' },
  ),
];

export const REQUEST_INDICATORS: Indicator[] = [
  counted(
    'requests',
    'requests.received',
    { zh: '今日诉求', en: 'Requests today' },
    {
      zh: '当日（北京时间）受理的居民诉求，含各渠道',
      en: 'Residents’ requests received that Beijing day, every channel',
    },
    'count(requests where received_at within the Beijing day)',
    'daily',
  ),
  counted(
    'requests',
    'requests.open',
    { zh: '在办诉求', en: 'Open requests' },
    {
      zh: '已受理、未办结（受理、签收、已联系、办理中）的诉求',
      en: 'Requests received and not finished (received, signed for, contacted, in progress)',
    },
    "count(requests where status in ('received','signed','contacted','in_progress'))",
    'snapshot',
  ),
  counted(
    'requests',
    'requests.overdue',
    { zh: '超期诉求', en: 'Overdue requests' },
    { zh: '在办且已过办结时限的诉求', en: 'Open requests past their resolution deadline' },
    'count(open requests where resolve_deadline < now)',
    'snapshot',
  ),
];

export const CARE_INDICATORS: Indicator[] = [
  counted(
    'helpers',
    'care.tasks_open',
    { zh: '待完成关怀任务', en: 'Care tasks to do' },
    {
      zh: '已派出、尚未完成或取消的关怀任务（送菜、送药、电话等）',
      en: 'Care tasks offered, accepted or escalated, not yet done or cancelled',
    },
    "count(care_tasks where status in ('offered','accepted','escalated'))",
    'snapshot',
  ),
  counted(
    'helpers',
    'care.tasks_done',
    { zh: '今日完成关怀', en: 'Care tasks done today' },
    { zh: '当日（北京时间）完成的关怀任务', en: 'Care tasks completed that Beijing day' },
    'count(care_tasks where done_at within the Beijing day)',
    'daily',
  ),
];
