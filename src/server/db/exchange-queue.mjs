// The order in which the embedded database serves the messages of its many connections.
//
// PGlite is one PostgreSQL session. pglite-socket multiplexes connections onto it message by message,
// keeping a connection's messages together only inside a transaction. But an extended-protocol query
// (Parse, Bind, Describe, Execute … Sync, what `pg` sends for every parameterised query) is several
// messages, and the unnamed statement and portal they build belong to the session. When one connection's
// BEGIN lands between another's Parse and Bind, the transaction's own Parse replaces that statement and
// the other connection later binds the wrong one (seen here: an INSERT … RETURNING that returned nothing;
// `database.test.ts` reproduces it). This queue also keeps each exchange together, up to its Sync.
// It stands in for pglite-socket's own queue (same four methods; pinned to pglite-socket 0.2.17).

/** Messages that continue an extended-protocol exchange; anything else ends or is a whole exchange. */
const CONTINUES = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));

export class ExchangeQueue {
  constructor(db) {
    this.db = db;
    this.queue = [];
    this.processing = false;
    this.owner = null; // handler whose exchange or transaction is open
    this.midExchange = false;
  }

  enqueue(handlerId, message, onData) {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      if (!this.processing) void this.processQueue();
    });
  }

  next() {
    const sticky = this.owner !== null && (this.midExchange || this.db.isInTransaction());
    if (!sticky) return this.queue.shift() ?? null;
    const index = this.queue.findIndex((item) => item.handlerId === this.owner);
    // The owner's next message has not arrived yet: everyone else waits for it.
    return index === -1 ? null : this.queue.splice(index, 1)[0];
  }

  async processQueue() {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          item.reject(error);
          continue;
        }
        this.owner = item.handlerId;
        this.midExchange = CONTINUES.has(item.message[0]);
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }

  getQueueLength() {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId) {
    this.queue = this.queue.filter((item) => {
      if (item.handlerId !== handlerId) return true;
      item.reject(new Error('Handler disconnected'));
      return false;
    });
  }

  /** A connection that went away must not leave its transaction or exchange holding everyone else. */
  async clearTransactionIfNeeded(handlerId) {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.owner = null;
    this.midExchange = false;
    await this.processQueue();
  }
}
