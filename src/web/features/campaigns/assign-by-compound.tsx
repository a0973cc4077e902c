import { Button, Card, Flex, Input, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildingsInRange } from '../../../shared/places/building-range';
import { groupByCompound } from '../../../shared/places/compound-groups';
import type { Unit } from './campaigns-api';

type Option = { value: number; label: string };

/**
 * 按小区分派: a compound and, if wanted, a range of building numbers ("东风苑 3–8号楼") given to one
 * person in one go; the buildings it takes are listed before the button is pressed.
 */
export function AssignByCompound({
  units,
  people,
  applying,
  onAssign,
}: {
  units: Unit[];
  people: Option[];
  applying: boolean;
  onAssign: (items: Array<{ buildingId: number; accountId: number; team: string | null }>) => void;
}) {
  const { t } = useTranslation();
  const buildings = units.filter((u, i) => i === 0 || units[i - 1]?.buildingId !== u.buildingId);
  const groups = groupByCompound(buildings);
  const [compound, setCompound] = useState<string | undefined>();
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [person, setPerson] = useState<number | undefined>();
  const [team, setTeam] = useState('');
  const group = groups.find((g) => g.key === compound);
  const chosen = group ? buildingsInRange(group.items, from, to) : [];
  return (
    <Card size="small" title={t('campaigns.byCompoundTitle')} data-testid="assign-by-compound">
      <Flex gap={8} wrap align="center">
        <Select
          style={{ minWidth: 160 }}
          placeholder={t('campaigns.compound')}
          value={compound}
          onChange={setCompound}
          options={groups.map((g) => ({ value: g.key, label: g.compoundName ?? t('compounds.none') }))}
          data-testid="assign-compound"
        />
        <InputNumber min={0} placeholder={t('campaigns.fromNumber')} value={from} onChange={setFrom} />
        <span>–</span>
        <InputNumber min={0} placeholder={t('campaigns.toNumber')} value={to} onChange={setTo} />
        <Select
          style={{ minWidth: 200 }}
          placeholder={t('campaigns.assignTo')}
          options={people}
          value={person}
          onChange={setPerson}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="assign-compound-person"
        />
        <Input
          style={{ width: 140 }}
          placeholder={t('campaigns.teamPlaceholder')}
          value={team}
          maxLength={30}
          onChange={(e) => setTeam(e.target.value)}
        />
        <Button
          type="primary"
          disabled={!person || chosen.length === 0}
          loading={applying}
          data-testid="assign-compound-submit"
          onClick={() =>
            onAssign(
              chosen.map((b) => ({
                buildingId: b.buildingId,
                accountId: person as number,
                team: team || null,
              })),
            )
          }
        >
          {t('campaigns.assignBuildings', { count: chosen.length })}
        </Button>
      </Flex>
      {group && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
          {chosen.length > 0
            ? chosen.map((b) => b.buildingName).join('、')
            : t('campaigns.noBuildingInRange')}
        </Typography.Text>
      )}
    </Card>
  );
}
