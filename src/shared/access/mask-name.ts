/**
 * Names on printed passes and on the gate phone: enough for a guard to match a face to a pass, not
 * enough to list who lives where. 张* · 张*明 · 欧阳**; Latin names keep their first letter.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  if (chars.length === 3) return `${chars[0]}*${chars[2]}`;
  return `${chars.slice(0, 2).join('')}${'*'.repeat(chars.length - 2)}`;
}
