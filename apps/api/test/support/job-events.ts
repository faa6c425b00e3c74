import { type WorkerHost } from '@nestjs/bullmq';
import { type Type } from '@nestjs/common';
import { type Job, type Worker } from 'bullmq';
import { type TestApp } from './test-app';

/** The BullMQ worker the app runs in process for that processor (the test app runs its processors). */
export function workerOf(t: TestApp, processor: Type<WorkerHost>): Worker {
  return t.app.get(processor).worker;
}

/**
 * Resolves with the result of the next job named `name` the worker takes up after this call, once it
 * has completed; rejects when that job fails, or after `timeoutMs`. A job taken up after the call sees
 * every change committed before the call: a test changes something, then waits for the next sweep to
 * have looked at it, instead of sleeping for as long as a sweep might take.
 */
export function nextJob<R = unknown>(
  worker: Worker,
  name: string,
  {
    description,
    timeoutMs = 30_000,
  }: { description: string; timeoutMs?: number },
): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    let watched: string | undefined;
    const onActive = (job: Job) => {
      if (watched === undefined && job.name === name) watched = job.id;
    };
    const onCompleted = (job: Job, result: unknown) => {
      if (job.id !== watched) return;
      stop();
      resolve(result as R);
    };
    const onFailed = (job: Job | undefined, error: Error) => {
      if (job?.id !== watched) return;
      stop();
      reject(
        new Error(`${description}: job ${watched} failed: ${error.message}`),
      );
    };
    const timer = setTimeout(() => {
      stop();
      const seen = watched
        ? `job ${watched} was taken up and has not finished`
        : `no ${name} job was taken up`;
      reject(
        new Error(
          `Timed out after ${timeoutMs} ms waiting for ${description}; ${seen}`,
        ),
      );
    }, timeoutMs);
    const stop = () => {
      clearTimeout(timer);
      worker.off('active', onActive);
      worker.off('completed', onCompleted);
      worker.off('failed', onFailed);
    };
    worker.on('active', onActive);
    worker.on('completed', onCompleted);
    worker.on('failed', onFailed);
  });
}
