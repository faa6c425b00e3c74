import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ADMIN_API } from '../../common/routes';
import { OptionalNotNull } from '../../common/validation/optional';
import { type RotationResult, SecretsService } from './secrets.service';

class RotateKeysDto {
  @ApiPropertyOptional({
    default: false,
    description:
      'Embedded mode with a generated keyring: create a new master key first. With REGISTRY_MASTER_KEY, set the new key in the environment (the old one in REGISTRY_MASTER_KEY_PREVIOUS) and restart instead.',
  })
  @OptionalNotNull()
  @IsBoolean()
  generateNewKey?: boolean;
}

class RotationResultDto implements RotationResult {
  @ApiProperty({ example: '3f9a1c0b7e2d4a61' }) primaryKeyId!: string;
  @ApiProperty({
    example: 12,
    description: 'Secrets whose data key was re-wrapped.',
  })
  rewrapped!: number;
  @ApiProperty() generatedNewKey!: boolean;
}

class KeyStatusDto {
  @ApiProperty({ example: '3f9a1c0b7e2d4a61' }) primaryKeyId!: string;
  @ApiProperty({ enum: ['environment', 'file'] }) managedBy!:
    | 'environment'
    | 'file';
  @ApiProperty({
    example: 0,
    description: 'Secrets still wrapped by an older key.',
  })
  pendingRewrap!: number;
}

@ApiTags('Secrets (admin)')
@Controller(`${ADMIN_API}/secrets`)
export class SecretsController {
  constructor(private readonly secrets: SecretsService) {}

  @Get('status')
  @ApiOperation({
    summary: 'Master key status',
    description:
      'Which key encrypts, and how many secrets still wait for re-wrapping.',
  })
  @ApiOkResponse({ type: KeyStatusDto })
  status(): Promise<KeyStatusDto> {
    return this.secrets.status();
  }

  @Post('rotate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rotate the master key',
    description:
      'Re-wraps every secret under the primary master key while the service keeps answering; older keys keep decrypting until it completes.',
  })
  @ApiOkResponse({ type: RotationResultDto })
  @ApiProblems(400)
  rotate(@Body() body: RotateKeysDto): Promise<RotationResult> {
    return this.secrets.rotate({ generateNewKey: body.generateNewKey });
  }
}
