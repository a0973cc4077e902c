import { DownOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NoticeFilter, NoticeKind } from './observation-api';

/**
 * The board's "print notices" menu: the ticked rows, or everyone a filter names (all in observation,
 * ending today, ended today), as 告知书, 解除通知书 or door stickers on the print page.
 */
export function NoticePrintMenu({ communityId, ticked }: { communityId: number; ticked: number[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = (notice: NoticeKind, filter: NoticeFilter | 'ticked') => {
    const who = filter === 'ticked' ? `ids=${ticked.join(',')}` : `filter=${filter}`;
    navigate(`/observation/notices?communityId=${communityId}&notice=${notice}&${who}`);
  };
  const tickedItem = (notice: NoticeKind) => ({
    key: `${notice}:ticked`,
    label: t('observation.notices.ticked', { count: ticked.length }),
    disabled: ticked.length === 0,
  });
  const items: MenuProps['items'] = [
    {
      type: 'group',
      key: 'start',
      label: t('observation.notices.kinds.start'),
      children: [tickedItem('start'), { key: 'start:active', label: t('observation.notices.allActive') }],
    },
    {
      type: 'group',
      key: 'end',
      label: t('observation.notices.kinds.end'),
      children: [
        tickedItem('end'),
        { key: 'end:ended_today', label: t('observation.notices.endedToday') },
        { key: 'end:ending_today', label: t('observation.notices.endingToday') },
      ],
    },
    {
      type: 'group',
      key: 'sticker',
      label: t('observation.notices.kinds.sticker'),
      children: [tickedItem('sticker'), { key: 'sticker:active', label: t('observation.notices.allActive') }],
    },
  ];
  return (
    <Dropdown
      menu={{
        items,
        onClick: ({ key }) => {
          const [notice, filter] = key.split(':') as [NoticeKind, NoticeFilter | 'ticked'];
          open(notice, filter);
        },
      }}
    >
      <Button icon={<PrinterOutlined />} data-testid="notice-print-menu">
        {t('observation.notices.menu')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
