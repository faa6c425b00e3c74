import { ProblemException } from '../../common/problem/problem.exception';

export class ConnectionTestsException extends ProblemException {
  static notFound(id: string): ConnectionTestsException {
    return new ConnectionTestsException(
      404,
      'CONNECTION_TEST_NOT_FOUND',
      'Connection test not found',
      `No connection test with id ${id}.`,
    );
  }

  static queueUnavailable(): ConnectionTestsException {
    return new ConnectionTestsException(
      503,
      'QUEUE_UNAVAILABLE',
      'Job queue unavailable',
      'The test could not be queued: the job queue does not answer. Try again shortly.',
    );
  }
}
