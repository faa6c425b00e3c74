import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, Length, MaxLength } from 'class-validator';
import {
  PROVIDER_IDS,
  type AuthEnv,
  type CreateProviderConnectionRequest,
  type ProviderId,
} from '@llm-registry/contracts';
import { Nullable, OptionalNotNull } from '../../../common/validation/optional';
import {
  IsHttpUrl,
  IsOneOf,
  IsStringRecord,
  Trim,
} from '../../../common/validation/validators';

const WRITE_ONLY =
  'Write-only: stored encrypted, answered only as a masked hint. Omit it, or send the hint back, to keep the stored value; null clears it.';

/** A setting of some providers: validated against the provider's catalogue entry by the service. */
function Setting(description: string, example: string): PropertyDecorator {
  return (target, key) => {
    ApiPropertyOptional({
      type: String,
      nullable: true,
      description,
      example,
    })(target, key);
    Nullable()(target, key);
    Trim()(target, key);
    IsString()(target, key);
    MaxLength(200)(target, key);
  };
}

function SecretField(description: string, example: string): PropertyDecorator {
  return (target, key) => {
    ApiPropertyOptional({
      type: String,
      nullable: true,
      writeOnly: true,
      description: `${description} ${WRITE_ONLY}`,
      example,
    })(target, key);
    Nullable()(target, key);
    IsString()(target, key);
    Length(1, 4096)(target, key);
  };
}

/** Fields are the provider's own, by catalogue name (GET /api/v1/catalog/providers lists them). */
export class CreateProviderConnectionDto
  implements CreateProviderConnectionRequest
{
  @ApiProperty({ example: 'OpenAI production', maxLength: 200 })
  @Trim()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({
    enum: PROVIDER_IDS,
    example: 'openai',
    description: 'Fixed at creation.',
  })
  @IsOneOf(PROVIDER_IDS)
  provider!: ProviderId;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'https://api.openai.com/v1',
    description:
      "Null or left out: the provider's default. Changing it requires re-entering the credential.",
  })
  @Nullable()
  @IsHttpUrl()
  baseUrl?: string | null;

  @Setting('Azure OpenAI API version; empty for the v1 API.', '2024-10-21')
  apiVersion?: string | null;

  @Setting('OpenAI organization id.', 'org-123')
  organization?: string | null;

  @Setting('AWS region (Bedrock).', 'us-east-1')
  region?: string | null;

  @SecretField('API key.', 'sk-proj-…')
  apiKey?: string | null;

  @SecretField('AWS access key id (Bedrock).', 'AKIA…')
  accessKeyId?: string | null;

  @SecretField('AWS secret access key (Bedrock).', '…')
  secretAccessKey?: string | null;

  @SecretField('AWS session token (Bedrock).', '…')
  sessionToken?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { api_key_env: 'OPENAI_API_KEY' },
    description:
      'Environment references instead of stored secrets: each `<field>_env` names the variable read at use time. Only names REGISTRY_ENV_ALLOWLIST allows are accepted.',
  })
  @Nullable()
  @IsStringRecord()
  authEnv?: AuthEnv | null;

  @ApiPropertyOptional({ default: true })
  @OptionalNotNull()
  @IsBoolean()
  enabled?: boolean;
}
