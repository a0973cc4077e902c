import { M, type MessageKey } from './messages';

/** Chinese, with the English beside it in small type. */
export function T({ k }: { k: MessageKey }) {
  const [zh, en] = M[k];
  return (
    <>
      {zh}
      <small className="g-en"> {en}</small>
    </>
  );
}

export const zh = (k: MessageKey) => M[k][0];
