import type { Logger } from 'drizzle-orm/logger';
import type pg from 'pg';

/** A Drizzle logger that records statements only while `during` runs: how the bench sees the real SQL. */
export class QueryCapture implements Logger {
  private active = false;
  private captured: Array<{ query: string; params: unknown[] }> = [];

  logQuery(query: string, params: unknown[]): void {
    if (this.active) this.captured.push({ query, params });
  }

  async during(run: () => Promise<unknown>) {
    this.captured = [];
    this.active = true;
    try {
      await run();
    } finally {
      this.active = false;
    }
    return this.captured;
  }
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

function label(node: PlanNode): string {
  const target = node['Index Name'] ?? node['Relation Name'];
  const rows = (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1);
  return `${node['Node Type']}${target ? ` ${target}` : ''} (${rows} rows)`;
}

function flatten(node: PlanNode): string {
  const children = node.Plans ?? [];
  if (children.length === 0) return label(node);
  if (children.length === 1 && children[0]) return `${label(node)} ‹ ${flatten(children[0])}`;
  return `${label(node)} ‹ [${children.map(flatten).join(' | ')}]`;
}

/** EXPLAIN ANALYZE of one statement, on one line: execution time, then the plan tree outermost first. */
export async function explainLine(pool: pg.Pool, query: string, params: unknown[]): Promise<string> {
  const { rows } = await pool.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode; 'Execution Time': number }> }>(
    `explain (analyze, format json) ${query}`,
    params,
  );
  const plan = rows[0]?.['QUERY PLAN'][0];
  if (!plan) return 'no plan returned';
  const line = `${plan['Execution Time'].toFixed(1)} ms: ${flatten(plan.Plan)}`;
  return line.length > 400 ? `${line.slice(0, 397)}...` : line;
}
