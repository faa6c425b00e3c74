import { Readable } from 'node:stream';
import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  type AuditEventPage,
  type AuditVerification,
} from '@llm-registry/contracts';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ADMIN_API } from '../../common/routes';
import { toAuditEvent } from './audit-event.mapper';
import {
  EXPORT_CONTENT_TYPES,
  exportLines,
  type ExportedEvent,
} from './audit-export';
import { AuditService } from './audit.service';
import {
  AuditEventPageDto,
  AuditVerificationDto,
} from './dto/audit-event.response';
import {
  ExportAuditEventsQueryDto,
  ListAuditEventsQueryDto,
} from './dto/audit-event-filter.query';

/** The audit trail: read, export and verify (admins and viewers); nothing here changes it. */
@ApiTags('Audit (admin)')
@Controller(`${ADMIN_API}/audit-events`)
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({
    summary: 'Audit events, newest first',
    description:
      'Every change to the registry: who, what, when, from what to what. Page with `nextCursor`.',
  })
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiProblems(400)
  list(@Query() query: ListAuditEventsQueryDto): Promise<AuditEventPage> {
    return this.audit.list(query);
  }

  @Get('export')
  @ApiOperation({
    summary: 'Export audit events, oldest first',
    description:
      'Streamed as CSV or NDJSON (one event per line) with the same filters as the list, however many events match. Each row adds `seq`, `prevHash` and `macKeyId`, so an archive can be verified later by whoever holds the chain key.',
  })
  @ApiProduces(EXPORT_CONTENT_TYPES.ndjson, EXPORT_CONTENT_TYPES.csv)
  @ApiOkResponse({ description: 'The events, streamed.' })
  @ApiProblems(400)
  export(@Query() query: ExportAuditEventsQueryDto): StreamableFile {
    const { format = 'ndjson', ...filter } = query;
    const lines = exportLines(this.events(filter), format);
    return new StreamableFile(Readable.from(lines), {
      type: EXPORT_CONTENT_TYPES[format],
      disposition: `attachment; filename="audit-events.${format}"`,
    });
  }

  @Get('verify')
  @ApiOperation({
    summary: 'Check the MAC chain',
    description:
      'Recomputes every MAC from the oldest event kept and names the first event that was changed, removed after or moved (`firstBrokenId`); checks that the heads anchored outside the database are still there and names the newest one that is not (`truncatedAfterSeq`).',
  })
  @ApiOkResponse({ type: AuditVerificationDto })
  verify(): Promise<AuditVerification> {
    return this.audit.verify();
  }

  private async *events(
    filter: Omit<ExportAuditEventsQueryDto, 'format'>,
  ): AsyncGenerator<ExportedEvent> {
    for await (const event of this.audit.walk(filter))
      yield {
        seq: event.seq,
        ...toAuditEvent(event),
        prevHash: event.prevHash,
        macKeyId: event.macKeyId,
      };
  }
}
