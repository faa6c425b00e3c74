import {
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import {
  CSRF_COOKIE,
  SESSION_COOKIE,
  type LoginResponse,
  type Me,
} from '@llm-registry/contracts';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { secureCookie } from '../../common/https/https';
import { API_V1 } from '../../common/routes';
import { AppConfigService } from '../../config/app-config.service';
import { DuringPasswordChange, Public, UsersOnly } from './access';
import { CurrentPrincipal } from './current-principal.decorator';
import {
  ChangePasswordDto,
  LoginDto,
  LoginResponseDto,
  MeDto,
} from './dto/auth.dto';
import {
  type Principal,
  type UserPrincipal,
} from '../../common/request-context/principal';
import { SessionsService } from './sessions.service';
import { UsersService } from './users.service';

@ApiTags('Authentication')
@Controller(`${API_V1}/auth`)
export class AuthController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
    private readonly config: AppConfigService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in',
    description:
      'Sets an HttpOnly, SameSite=Strict session cookie for the admin app (writes with it must send the `csrfToken` in X-CSRF-Token; the cookies are Secure over HTTPS) and answers an `accessToken` for scripts to send as a bearer token. Failures are throttled per account and address with backoff, per account across addresses, and per address. With `passwordChangeRequired`, every route but the password change, sign-out and `me` answers 403 PASSWORD_CHANGE_REQUIRED until the password is changed.',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiTooManyRequestsResponse({
    description:
      'Too many failed attempts from this address or on this account; see Retry-After.',
  })
  @ApiProblems(400, 401)
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const result = await this.sessions.login(body.email, body.password, {
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    });
    const cookie = {
      path: '/',
      sameSite: 'strict',
      secure: secureCookie(this.config.get('cookieSecure'), request),
      expires: new Date(result.expiresAt),
    } as const;
    void reply.setCookie(SESSION_COOKIE, result.accessToken, {
      ...cookie,
      httpOnly: true,
    });
    void reply.setCookie(CSRF_COOKIE, result.csrfToken, {
      ...cookie,
      httpOnly: false,
    });
    return result;
  }

  @Post('logout')
  @UsersOnly()
  @DuringPasswordChange()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out',
    description: 'Ends this session and clears its cookies.',
  })
  @ApiNoContentResponse({ description: 'Signed out.' })
  async logout(
    @CurrentPrincipal() principal: UserPrincipal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.sessions.logout(principal.sessionId);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    void reply.clearCookie(CSRF_COOKIE, { path: '/' });
  }

  @Get('me')
  @DuringPasswordChange()
  @ApiOperation({
    summary: 'Who am I',
    description: 'The signed-in user, or the API key making the call.',
  })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() principal: Principal): Me {
    return principal.kind === 'user'
      ? {
          kind: 'user',
          id: principal.id,
          name: principal.displayName,
          email: principal.email,
          role: principal.role,
          scope: null,
          passwordChangeRequired: principal.passwordChangeRequired,
        }
      : {
          kind: 'api_key',
          id: principal.id,
          name: principal.name,
          email: null,
          role: principal.role,
          scope: principal.scope,
          passwordChangeRequired: false,
        };
  }

  @Post('password')
  @UsersOnly()
  @DuringPasswordChange()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Change my password',
    description:
      'Ends your other sessions; this one stays. Clears the requirement to change a generated or admin-set password.',
  })
  @ApiNoContentResponse({ description: 'Changed.' })
  @ApiProblems(400, 401)
  async changePassword(
    @CurrentPrincipal() principal: UserPrincipal,
    @Body() body: ChangePasswordDto,
  ): Promise<void> {
    await this.users.changeOwnPassword(
      principal.id,
      principal.sessionId,
      body.currentPassword,
      body.newPassword,
    );
  }
}
