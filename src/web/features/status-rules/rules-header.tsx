import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CurrentRules } from './status-rules-api';

/**
 * Which rules these are: the version, the place that set them and whether the place shown follows a
 * set from above (read-only here: an officer may start the place's own set from it).
 */
export function RulesHeader({
  current,
  editing,
  onEdit,
}: {
  current: CurrentRules;
  editing: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const { version, isDefault, place, setAt, inherited, editable } = current;
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space size={8} wrap align="center">
          <Tag color="blue" data-testid="rules-version">
            {version > 0 ? t('statusRules.version', { version }) : t('statusRules.versionNone')}
          </Tag>
          {isDefault ? (
            <Tag color="default" title={t('statusRules.isDefaultHint')} data-testid="rules-default">
              {t('statusRules.isDefault')}
            </Tag>
          ) : (
            <Tag color={inherited ? 'default' : 'green'} data-testid="rules-set-at">
              {t('statusRules.setAt', { place: setAt?.name ?? '' })}
            </Tag>
          )}
          {inherited && !isDefault && <Tag>{t('statusRules.inheritedTag')}</Tag>}
        </Space>
        {editable && !editing && (
          <Button type="primary" icon={<EditOutlined />} onClick={onEdit} data-testid="rules-edit">
            {inherited ? t('statusRules.editOwn', { place: place.name }) : t('statusRules.edit')}
          </Button>
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('statusRules.intro')}
        {isDefault && ` ${t('statusRules.isDefaultHint')}`}
      </Typography.Paragraph>
      {!editable && <Typography.Text type="secondary">{t('statusRules.readOnlyHint')}</Typography.Text>}
      {editable && inherited && !editing && (
        <Alert
          type="info"
          showIcon
          title={
            isDefault
              ? t('statusRules.inheritedDefault', { place: place.name })
              : t('statusRules.inheritedFrom', { place: place.name, from: setAt?.name ?? '' })
          }
          data-testid="rules-inherited"
        />
      )}
    </>
  );
}
