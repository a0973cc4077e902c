import { Typography } from 'antd';
import { Link } from 'react-router';
import type { AuditLinkKind, AuditPart } from '../../../shared/audit/audit-parts';
import { useLang } from '../../shared/i18n';

/** Where a named object of a sentence opens in the console (an account filters the log by it). */
function hrefOf(kind: AuditLinkKind, id: number): string {
  switch (kind) {
    case 'resident':
      return `/residents/${id}`;
    case 'household':
      return `/households/${id}`;
    case 'place':
      return `/places/${id}`;
    case 'request':
      return `/requests/${id}`;
    case 'campaign':
      return `/campaigns/${id}`;
    case 'import_job':
      return '/imports';
    case 'account':
      return `/audit?accountId=${id}`;
  }
}

/** One audit entry as the sentence the server built, its people, doors and places as links. */
export function AuditSentence({ parts }: { parts: readonly AuditPart[] }) {
  const lang = useLang();
  // A sentence's parts never reorder: their place in it is their key.
  const keyed = parts.map((part, at) => ({ part, key: `${at}:${part.zh}` }));
  return (
    <Typography.Text data-testid="audit-sentence">
      {keyed.map(({ part, key }) =>
        part.link ? (
          <Link
            key={key}
            to={hrefOf(part.link.kind, part.link.id)}
            data-testid={`audit-link-${part.link.kind}`}
          >
            {part[lang]}
          </Link>
        ) : (
          <span key={key}>{part[lang]}</span>
        ),
      )}
    </Typography.Text>
  );
}
