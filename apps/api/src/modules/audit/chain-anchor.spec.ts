import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppConfigService } from '../../config/app-config.service';
import { advanceAnchorFile } from './anchor-file';
import { ChainAnchor } from './chain-anchor';

describe('ChainAnchor', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chain-anchor-'));
    file = join(dir, 'anchor.json');
  });

  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function anchorOn(path: string | undefined): Promise<ChainAnchor> {
    const config = { get: () => path } as unknown as AppConfigService;
    const anchor = new ChainAnchor(config);
    await anchor.onModuleInit();
    return anchor;
  }

  const stored = async () =>
    JSON.parse(await readFile(file, 'utf8')) as unknown;

  it('only moves forward, in memory at once and in the file once written', async () => {
    const anchor = await anchorOn(file);
    anchor.advance({ seq: '5', mac: 'e' });
    anchor.advance({ seq: '3', mac: 'c' });
    anchor.advance({ seq: '9', mac: 'i' });
    expect(await anchor.anchors()).toContainEqual({ seq: '9', mac: 'i' });
    await anchor.flush();
    expect(await stored()).toEqual({ seq: '9', mac: 'i' });
    await expect((await anchorOn(file)).anchors()).resolves.toEqual([
      { seq: '9', mac: 'i' },
      { seq: '9', mac: 'i' },
    ]);
  });

  it('never moves a file another process advanced further back', async () => {
    await advanceAnchorFile(file, { seq: '20', mac: 't' });
    await advanceAnchorFile(file, { seq: '12', mac: 'l' });
    expect(await stored()).toEqual({ seq: '20', mac: 't' });
  });

  it('stops moving once the anchored event is gone, so later events cannot hide it', async () => {
    const anchor = await anchorOn(undefined);
    anchor.advance({ seq: '7', mac: 'g' });
    anchor.noteHead({ seq: '8', mac: 'h' });
    anchor.advance({ seq: '8', mac: 'h' });
    expect(await anchor.anchors()).toEqual([{ seq: '8', mac: 'h' }]);
    anchor.noteHead({ seq: '6', mac: 'f' });
    anchor.advance({ seq: '9', mac: 'x' });
    expect(await anchor.anchors()).toEqual([{ seq: '8', mac: 'h' }]);
  });

  it('also stops when another event took the anchored place', async () => {
    const anchor = await anchorOn(undefined);
    anchor.advance({ seq: '7', mac: 'g' });
    anchor.noteHead({ seq: '7', mac: 'other' });
    anchor.advance({ seq: '8', mac: 'h' });
    expect(await anchor.anchors()).toEqual([{ seq: '7', mac: 'g' }]);
  });
});
