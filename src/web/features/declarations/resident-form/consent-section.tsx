import { Section } from './form-controls';
import type { FormState } from './form-state';
import type { FieldErrors } from './form-validation';

interface Props {
  state: FormState;
  update: (patch: Partial<FormState>) => void;
  errors: FieldErrors;
  index: number;
  communityName: string;
}

export function ConsentSection({ state, update, errors, index, communityName }: Props) {
  const error = errors.consent;
  return (
    <Section title="说明与同意" index={index}>
      <div className="rf-notice">
        <p>
          <b>收集什么：</b>您的姓名、证件号码、手机号、住址，近14天的行程、接触史和健康状况。
        </p>
        <p>
          <b>为什么收集：</b>用于{communityName || '本社区'}
          的疫情防控，判断是否需要居家观察或就医，并在需要时联系您。
        </p>
        <p>
          <b>谁能看到：</b>只有本社区居委会负责防疫的工作人员，不会用于其他用途，也不会公开。
        </p>
        <p>
          <b>保存多久：</b>行程和健康信息保存 28 天后删除。
        </p>
      </div>
      <div className={error ? 'rf-field rf-field-bad' : 'rf-field'} id="rf-field-consent">
        <label className="rf-check rf-consent">
          <input
            type="checkbox"
            data-testid="rf-consent"
            checked={state.consent}
            onChange={(e) => update({ consent: e.target.checked })}
          />
          <span>我已阅读并同意，并保证所填内容真实</span>
        </label>
        {error ? (
          <p className="rf-err" data-testid="rf-error-consent" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </Section>
  );
}
