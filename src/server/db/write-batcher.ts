/**
 * Group commit for writes that arrive many at once (residents scanning a poster after a WeChat notice):
 * while a batch is being written, the next requests wait and then go together, each batch in a fixed
 * number of statements (one, for the public form), all or nothing. Nobody waits on a timer — an idle batcher writes a lone
 * request at once. Every caller still gets its own answer: when a batch fails, its items are retried
 * one by one, so one bad request cannot fail its neighbours and each error reaches its own caller.
 */
export interface WriteBatcher<T, R> {
  add(item: T): Promise<R>;
  /** Requests waiting or being written: for tests and metrics. */
  readonly pending: number;
}

export interface WriteBatcherOptions<T, R> {
  /** Largest batch: bounds one transaction's size (and how long its locks are held). */
  maxBatch: number;
  /** Batches written at the same time (connections used). */
  maxInFlight: number;
  /** Writes the items in one go; answers in the same order. */
  run: (items: T[]) => Promise<R[]>;
}

interface Waiting<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

export function createWriteBatcher<T, R>(options: WriteBatcherOptions<T, R>): WriteBatcher<T, R> {
  const queue: Array<Waiting<T, R>> = [];
  let inFlight = 0;
  let writing = 0;

  async function runOne(waiting: Waiting<T, R>) {
    try {
      const [result] = await options.run([waiting.item]);
      waiting.resolve(result as R);
    } catch (error) {
      waiting.reject(error);
    }
  }

  async function runBatch(batch: Array<Waiting<T, R>>) {
    try {
      const results = await options.run(batch.map((w) => w.item));
      for (const [i, waiting] of batch.entries()) waiting.resolve(results[i] as R);
    } catch (error) {
      if (batch.length === 1) batch[0]?.reject(error);
      else for (const waiting of batch) await runOne(waiting);
    }
  }

  function pump() {
    while (inFlight < options.maxInFlight && queue.length > 0) {
      const batch = queue.splice(0, options.maxBatch);
      inFlight += 1;
      writing += batch.length;
      void runBatch(batch).finally(() => {
        inFlight -= 1;
        writing -= batch.length;
        pump();
      });
    }
  }

  return {
    add(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        pump();
      });
    },
    get pending() {
      return queue.length + writing;
    },
  };
}
