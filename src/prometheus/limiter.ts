/**
 * A counting semaphore: at most `max` tasks run at once, the rest wait in FIFO order.
 * A waiting task whose signal aborts leaves the queue without ever running.
 */
export class Limiter {
  private running = 0;
  private readonly queue: {
    start: () => void;
    signal: AbortSignal | undefined;
    drop: () => void;
  }[] = [];

  constructor(public max: number) {}

  get active(): number {
    return this.running;
  }

  get waiting(): number {
    return this.queue.length;
  }

  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.running++;
        task()
          .then(resolve, reject)
          .finally(() => {
            this.running--;
            this.next();
          });
      };
      if (signal?.aborted) {
        reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
        return;
      }
      if (this.running < this.max) {
        start();
        return;
      }
      const entry = {
        start,
        signal,
        drop: () => {
          const i = this.queue.indexOf(entry);
          if (i >= 0) this.queue.splice(i, 1);
          reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
        },
      };
      signal?.addEventListener('abort', entry.drop, { once: true });
      this.queue.push(entry);
    });
  }

  private next() {
    while (this.running < this.max && this.queue.length) {
      const entry = this.queue.shift()!;
      entry.signal?.removeEventListener('abort', entry.drop);
      entry.start();
    }
  }
}
