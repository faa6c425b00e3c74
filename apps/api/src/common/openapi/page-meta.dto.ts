import { ApiProperty } from '@nestjs/swagger';

/** The paging fields every list answer carries next to `items`. */
export class PageMetaDto {
  @ApiProperty({ example: 42 }) total!: number;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 25 }) pageSize!: number;
}
