import { Button, Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentSuggestion } from '../../../shared/campaigns/campaign-responses';

type Row = AssignmentSuggestion['items'][number];
type Option = { value: number; label: string };

/**
 * The suggested split as a table a secretary edits before applying it: one row per building (compound,
 * building, households left), each with its person; the load per person follows the edits; one button
 * applies every row in one assign call (the server checks each, volunteers only their own buildings).
 */
export function SuggestionTable({
  suggestion,
  people,
  governance,
  applying,
  onApply,
}: {
  suggestion: AssignmentSuggestion;
  people: Option[];
  governance: boolean;
  applying: boolean;
  onApply: (items: Array<{ buildingId: number; accountId: number }>) => void;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<Map<number, number | null>>(
    () => new Map(suggestion.items.map((i) => [i.buildingId, i.accountId])),
  );
  const crew = suggestion.load.map((l) => l.accountId);
  const options = people.filter((p) => crew.includes(p.value));
  const load = suggestion.load.map((l) => ({
    ...l,
    households: suggestion.items
      .filter((i) => picked.get(i.buildingId) === l.accountId)
      .reduce((n, i) => n + (governance ? 1 : i.households), 0),
  }));
  const rows = suggestion.items.filter((i) => picked.get(i.buildingId) != null);
  return (
    <Flex vertical gap={8} style={{ marginTop: 8 }} data-testid="suggestion-table">
      <Typography.Text>
        {load
          .map((l) =>
            t(governance ? 'campaigns.loadBuildings' : 'campaigns.load', {
              name: l.displayName,
              count: l.households,
            }),
          )
          .join('；')}
      </Typography.Text>
      <Table<Row>
        size="small"
        rowKey="buildingId"
        pagination={false}
        scroll={{ y: 360 }}
        dataSource={suggestion.items}
        columns={[
          { title: t('campaigns.compound'), dataIndex: 'compoundName', render: (v) => v ?? '—' },
          { title: t('campaigns.building'), dataIndex: 'buildingName' },
          ...(governance ? [] : [{ title: t('campaigns.householdsLeft'), dataIndex: 'households' }]),
          {
            title: t('campaigns.assignee'),
            render: (_, row) => (
              <Select
                size="small"
                style={{ minWidth: 160 }}
                allowClear
                placeholder={t('campaigns.nobodyFits')}
                value={picked.get(row.buildingId) ?? undefined}
                options={options}
                onChange={(v?: number) => setPicked(new Map(picked).set(row.buildingId, v ?? null))}
                data-testid="suggestion-person"
              />
            ),
          },
        ]}
      />
      <Button
        type="primary"
        style={{ alignSelf: 'flex-start' }}
        loading={applying}
        disabled={rows.length === 0}
        data-testid="apply-suggestion"
        onClick={() =>
          onApply(
            rows.map((i) => ({ buildingId: i.buildingId, accountId: picked.get(i.buildingId) as number })),
          )
        }
      >
        {t('campaigns.applySuggestionCount', { count: rows.length })}
      </Button>
    </Flex>
  );
}
