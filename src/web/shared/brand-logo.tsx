/** 大树's mark: a round crown on a trunk, drawn inline so it shows on any computer (no emoji font needed). */
export function BrandLogo({ size = '1em' }: { size?: number | string }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      style={{ verticalAlign: '-0.15em' }}
    >
      <rect x="10.5" y="13" width="3" height="9" rx="1" fill="#8c5a2b" />
      <circle cx="12" cy="9" r="7" fill="#389e0d" />
      <circle cx="8.5" cy="11" r="4" fill="#52c41a" />
      <circle cx="15.5" cy="11" r="4" fill="#52c41a" />
    </svg>
  );
}
