import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Page, type User } from '@llm-registry/contracts';
import {
  ApiGetOne,
  ApiIdParam,
} from '../../common/openapi/api-id-param.decorator';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ADMIN_API } from '../../common/routes';
import { UuidParamPipe } from '../../common/validation/validators';
import {
  CreateUserDto,
  ListUsersQueryDto,
  ResetPasswordDto,
  UpdateUserDto,
  UserDto,
  UserPageDto,
} from './dto/auth.dto';
import { UsersService } from './users.service';

@ApiTags('Users (admin)')
@Controller(`${ADMIN_API}/users`)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a user' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiProblems(400, 409)
  create(@Body() body: CreateUserDto): Promise<User> {
    return this.users.create(body);
  }

  @Get()
  @ApiOperation({
    summary: 'List users',
    description: 'Ordered by email; search with `q`, filter by `role`.',
  })
  @ApiOkResponse({ type: UserPageDto })
  @ApiProblems(400)
  list(@Query() query: ListUsersQueryDto): Promise<Page<User>> {
    return this.users.list(query);
  }

  @ApiGetOne('User', UserDto)
  get(@Param('id', UuidParamPipe) id: string): Promise<User> {
    return this.users.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Update a user (name, role, disabled)',
    description:
      'Disabling a user or changing their role ends their sessions. The last enabled admin cannot be demoted or disabled (409).',
  })
  @ApiIdParam('User')
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(400, 404, 409)
  update(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<User> {
    return this.users.update(id, body);
  }

  @Post(':id/password')
  @HttpCode(204)
  @ApiOperation({
    summary: "Reset a user's password",
    description:
      'Ends all their sessions; they must change it at their next sign-in (you know it).',
  })
  @ApiIdParam('User')
  @ApiNoContentResponse({ description: 'Reset.' })
  @ApiProblems(400, 404)
  async resetPassword(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ResetPasswordDto,
  ): Promise<void> {
    await this.users.resetPassword(id, body.password);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a user',
    description: 'The last enabled admin cannot be deleted (409).',
  })
  @ApiIdParam('User')
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 404, 409)
  async remove(@Param('id', UuidParamPipe) id: string): Promise<void> {
    await this.users.remove(id);
  }
}
