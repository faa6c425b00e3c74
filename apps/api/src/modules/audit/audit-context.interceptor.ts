import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { type FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { runInRequestContext } from '../../common/request-context/request-context';
import { PRINCIPAL_KEY } from '../../common/request-context/principal';

/** Runs each handler inside its request's context, so audit rows know who and where without being told. */
@Injectable()
export class AuditContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context
      .switchToHttp()
      .getRequest<FastifyRequest & Record<typeof PRINCIPAL_KEY, unknown>>();
    const userAgent = request.headers['user-agent'];
    const requestContext = {
      caller: () => request[PRINCIPAL_KEY],
      correlationId: request.id,
      ip: request.ip,
      userAgent: typeof userAgent === 'string' ? userAgent : undefined,
    };
    // The handler is called on subscription, so subscribing inside the context carries it into the handler.
    return new Observable((subscriber) =>
      runInRequestContext(requestContext, () =>
        next.handle().subscribe(subscriber),
      ),
    );
  }
}
