// What is set per place, for the scope probes: officers of A's district and of another district, A's risk
// areas, the rules in force at A, a form question of A's district, and the files the import routes take.

import { xlsxBuffer } from '../../modules/imports/roster/test-fixtures';
import { insertChildPlace } from '../../modules/places/places.repo';
import { FIXTURE_PASSWORD, login, syntheticId } from '../fixture';
import { call, need, type PolicyTargets, type SetupContext } from './targets';

/** Region codes no other test file uses (Xinjiang's county-level cities, as risk-areas-by-place.test.ts). */
export const REGIONS = { kept: '659011', retired: '659012', created: '659013', imported: '659014' };

export const area = (regionCode: string, level = 'high') => ({
  regionCode,
  regionName: `测试地区${regionCode}`,
  level,
  validFrom: '2020-01-23',
});

export async function createPolicyTargets({ t, f, a, secretaryA }: SetupContext) {
  const officer = async (username: string, scopePlaceId: number) => {
    await t.services.auth.createAccount(null, {
      username,
      displayName: '区级干部',
      password: FIXTURE_PASSWORD,
      role: 'district_officer',
      scopePlaceId,
    });
    return login(t, username);
  };
  // Another district beside A's (both at the top of their trees, as the fixture's district is).
  const elsewhere = await insertChildPlace(t.services.database.db, null, {
    kind: 'district',
    name: `别区${f.tag}`,
    code: `t-${f.tag}-elsewhere`,
  });
  const officers = {
    outsider: await officer(`${f.tag}-else-d`, elsewhere.id),
    owner: await officer(`${f.tag}-a-d`, f.district.id),
  };
  const riskArea = async (region: string) =>
    need<number>(
      (
        await call<{ riskArea?: { id: number } }>(t, officers.owner, 'POST', '/api/risk-areas', {
          ...area(region),
          placeId: a.community,
        })
      ).riskArea?.id,
      `risk area ${region}`,
    );
  // A question of A's district: its label shows when a list of form versions leaks A's.
  await call(t, officers.owner, 'POST', '/api/form-versions', {
    questions: [
      { key: 'q1', label: { zh: '甲区问题', en: 'District A question' }, kind: 'text', required: false },
    ],
  });
  const inForce = await call<{ rules: unknown[] }>(
    t,
    secretaryA,
    'GET',
    `/api/status-rules?placeId=${a.community}`,
  );
  const targets: PolicyTargets = {
    riskArea: await riskArea(REGIONS.kept),
    retireRiskArea: await riskArea(REGIONS.retired),
    rules: inForce.rules,
    rosterCsv: Buffer.from(
      `姓名,证件号码,手机号,楼栋,单元,门牌号,与户主关系\n冯导入,${syntheticId('19700707')},,1号楼,1单元,101,其他\n`,
    ),
    riskAreasXlsx: await xlsxBuffer((wb) => {
      const ws = wb.addWorksheet('风险地区');
      ws.addRow(['地区代码', '地区名称', '风险等级', '开始日期']);
      ws.addRow([REGIONS.imported, '测试地区', '高', '2020-01-23']);
    }),
  };
  if (!Array.isArray(targets.rules) || targets.rules.length === 0) throw new Error('scope fixture: no rules');
  return { targets, officers };
}
