import {
  ApiProperty,
  ApiPropertyOptional,
  IntersectionType,
} from '@nestjs/swagger';
import {
  IsBoolean,
  IsDateString,
  IsEmail,
  IsString,
  Length,
  MaxLength,
} from 'class-validator';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  USER_ROLES,
  type ApiKey,
  type ApiKeyStatus,
  type ChangePasswordRequest,
  type CreateApiKeyRequest,
  type CreatedApiKey,
  type CreateUserRequest,
  type LoginRequest,
  type LoginResponse,
  type Me,
  type PrincipalRole,
  type ResetPasswordRequest,
  type UpdateUserRequest,
  type User,
  type UserRole,
} from '@llm-registry/contracts';
import { Nullable, OptionalNotNull } from '../../../common/validation/optional';
import {
  IsOneOf,
  IsScope,
  IsVersion,
  Trim,
} from '../../../common/validation/validators';
import { PageMetaDto } from '../../../common/openapi/page-meta.dto';
import { PageQueryDto } from '../../../common/openapi/page-query.dto';

const PASSWORD_DOC = {
  minLength: PASSWORD_MIN_LENGTH,
  maxLength: PASSWORD_MAX_LENGTH,
  description: `${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters, at least 5 different ones, not a common password, not containing the email name.`,
};

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'admin@llm-registry.local' })
  @IsString()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @ApiProperty(PASSWORD_DOC)
  @IsString()
  newPassword!: string;
}

export class ResetPasswordDto implements ResetPasswordRequest {
  @ApiProperty(PASSWORD_DOC)
  @IsString()
  password!: string;
}

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'ana@example.com' })
  @Trim()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty(PASSWORD_DOC)
  @IsString()
  password!: string;

  @ApiProperty({ enum: USER_ROLES, example: 'viewer' })
  @IsOneOf(USER_ROLES)
  role!: UserRole;

  @ApiProperty({ example: 'Ana Lima', maxLength: 200 })
  @Trim()
  @IsString()
  @Length(1, 200)
  displayName!: string;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional({ maxLength: 200 })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @Length(1, 200)
  displayName?: string;

  @ApiPropertyOptional({ enum: USER_ROLES })
  @OptionalNotNull()
  @IsOneOf(USER_ROLES)
  role?: UserRole;

  @ApiPropertyOptional({
    description: 'A disabled user cannot sign in; their sessions end.',
  })
  @OptionalNotNull()
  @IsBoolean()
  disabled?: boolean;

  @ApiProperty({
    example: 1,
    description: 'The version you read; a stale one is refused with 409.',
  })
  @IsVersion()
  version!: number;
}

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Substring of email or display name.' })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: USER_ROLES })
  @OptionalNotNull()
  @IsOneOf(USER_ROLES)
  role?: UserRole;
}

export class CreateApiKeyDto implements CreateApiKeyRequest {
  @ApiProperty({ example: 'search-service (prod)', maxLength: 200 })
  @Trim()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'team-search',
    description: 'Reads this scope plus global only. Null: every scope.',
  })
  @Nullable()
  @IsScope()
  scope?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    example: '2027-01-01T00:00:00Z',
  })
  @Nullable()
  @IsDateString({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  expiresAt?: string | null;
}

export class UserDto implements User {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'ana@example.com' }) email!: string;
  @ApiProperty({ example: 'Ana Lima' }) displayName!: string;
  @ApiProperty({ enum: USER_ROLES }) role!: UserRole;
  @ApiProperty() disabled!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  lastLoginAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ example: 1 }) version!: number;
}

export class UserPageDto extends PageMetaDto {
  @ApiProperty({ type: [UserDto] }) items!: UserDto[];
}

export class LoginResponseDto implements LoginResponse {
  @ApiProperty({
    description: 'Send as `Authorization: Bearer <accessToken>`.',
    example: 'llmrs_…',
  })
  accessToken!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({
    description: 'Send in X-CSRF-Token on writes that use the session cookie.',
  })
  csrfToken!: string;
  @ApiProperty({ type: UserDto }) user!: UserDto;
  @ApiProperty({
    description:
      'The password was generated or set by an admin: until it is changed, other routes answer 403 PASSWORD_CHANGE_REQUIRED.',
  })
  passwordChangeRequired!: boolean;
}

export class MeDto implements Me {
  @ApiProperty({ enum: ['user', 'api_key'] }) kind!: 'user' | 'api_key';
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Ana Lima' }) name!: string;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ enum: ['admin', 'viewer', 'consumer'] }) role!: PrincipalRole;
  @ApiProperty({ nullable: true, type: String }) scope!: string | null;
  @ApiProperty({
    description: 'Users only: the password must be changed first.',
  })
  passwordChangeRequired!: boolean;
}

export class ApiKeyDto implements ApiKey {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'search-service (prod)' }) name!: string;
  @ApiProperty({
    example: 'llmr_AbC123xy',
    description: 'The first characters of the key, to recognise it.',
  })
  prefix!: string;
  @ApiProperty({ nullable: true, type: String }) scope!: string | null;
  @ApiProperty({ enum: ['active', 'expired', 'revoked'] })
  status!: ApiKeyStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  expiresAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  lastUsedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  revokedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

class KeyOnceDto {
  @ApiProperty({
    description: 'Shown this once; store it now. Only a hash is kept.',
    example: 'llmr_…',
  })
  key!: string;
}

export class CreatedApiKeyDto
  extends IntersectionType(ApiKeyDto, KeyOnceDto)
  implements CreatedApiKey {}

export class ApiKeyPageDto extends PageMetaDto {
  @ApiProperty({ type: [ApiKeyDto] }) items!: ApiKeyDto[];
}
