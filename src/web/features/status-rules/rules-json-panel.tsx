import { Alert, Button, Card, Flex, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 高级：JSON — the rules being edited as text, for technical staff; applied only once they check. */
export function RulesJsonPanel({
  text,
  errors,
  onChange,
  onApply,
}: {
  text: string;
  errors: string[];
  onChange: (text: string) => void;
  onApply: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('statusRules.json')} data-testid="rules-json-panel">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('statusRules.jsonHint')}</Typography.Text>
        <Input.TextArea
          value={text}
          onChange={(e) => onChange(e.target.value)}
          autoSize={{ minRows: 8, maxRows: 24 }}
          spellCheck={false}
          style={{ fontFamily: 'monospace', fontSize: 12 }}
          data-testid="rules-json-text"
        />
        {errors.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={
              <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                {errors.map((error) => (
                  <li key={error}>{error}</li>
                ))}
              </ul>
            }
          />
        )}
        <Button
          type="primary"
          onClick={onApply}
          style={{ alignSelf: 'flex-end' }}
          data-testid="rules-json-apply"
        >
          {t('statusRules.jsonApply')}
        </Button>
      </Flex>
    </Card>
  );
}
