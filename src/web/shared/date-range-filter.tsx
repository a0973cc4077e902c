import { DatePicker } from 'antd';

/** A day picked in the browser's time zone, as the instant the server filters on. */
function dayBoundary(day: string, end: boolean): string | undefined {
  if (!day) return undefined;
  return new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`).toISOString();
}

/** From–to days for list filters; hands back ISO instants covering whole days (or undefined). */
export function DateRangeFilter(props: {
  label: string;
  testid: string;
  onChange: (range: { from: string | undefined; to: string | undefined }) => void;
}) {
  return (
    <DatePicker.RangePicker
      aria-label={props.label}
      onChange={(_, [from, to]) =>
        props.onChange({ from: dayBoundary(from, false), to: dayBoundary(to, true) })
      }
      data-testid={props.testid}
    />
  );
}
