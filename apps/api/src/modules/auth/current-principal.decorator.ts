import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import {
  type Principal,
  PRINCIPAL_KEY,
} from '../../common/request-context/principal';

/** The caller the guard authenticated (routes that are not public always have one). */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal =>
    context
      .switchToHttp()
      .getRequest<Record<typeof PRINCIPAL_KEY, Principal>>()[PRINCIPAL_KEY],
);
