import { HttpErrorResponse } from '@angular/common/http';
import { Component, signal } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import type {
  ConnectionTest,
  DraftConnectionTestRequest,
} from '@llm-registry/contracts';
import { ConnectionTestsApi } from '../../core/connection-tests/connection-tests.api';
import { DraftTestPanel } from './draft-test-panel';

const DRAFT: DraftConnectionTestRequest = {
  type: 'embedding',
  provider: 'openai',
  modelName: 'text-embedding-3-small',
  params: {},
  providerConnectionId: 'c1',
};

@Component({
  imports: [DraftTestPanel],
  template: `<app-draft-test-panel
    [prepare]="prepare"
    (failed)="failures.push($event)"
  />`,
})
class Host {
  readonly ready = signal(true);
  readonly failures: unknown[] = [];
  readonly prepare = () => (this.ready() ? DRAFT : null);
}

const finished = (overrides: Partial<ConnectionTest>): ConnectionTest =>
  ({
    id: 't1',
    status: 'passed',
    category: null,
    message: '384 dimensions',
    latencyMs: 42,
    ...overrides,
  }) as ConnectionTest;

describe('DraftTestPanel', () => {
  let fixture: ComponentFixture<Host>;
  let answer: Subject<ConnectionTest>;
  const testDraft = jest.fn(() => answer);

  const el = () => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string) =>
    el().querySelector<HTMLElement>(`[data-testid="${id}"]`);

  /** Lets the panel's awaited request resolve, then renders. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function run(): Promise<void> {
    byTestId('test-connection')?.click();
    await fixture.whenStable();
  }

  beforeEach(async () => {
    answer = new Subject();
    testDraft.mockClear();
    TestBed.configureTestingModule({
      imports: [Host],
      providers: [{ provide: ConnectionTestsApi, useValue: { testDraft } }],
    });
    fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
  });

  it('tests the draft, spinning until it passes, then shows the latency', async () => {
    await run();
    expect(testDraft).toHaveBeenCalledWith(DRAFT);
    expect(byTestId('test-running')).not.toBeNull();
    expect(byTestId('test-connection')?.hasAttribute('disabled')).toBe(true);
    answer.next(finished({}));
    answer.complete();
    await settle();
    const result = byTestId('test-result');
    expect(result?.dataset['status']).toBe('passed');
    expect(result?.textContent).toMatch(/Passed\s+in 42 ms · 384 dimensions/);
  });

  it('names the failure category and what to do next', async () => {
    await run();
    answer.next(
      finished({
        status: 'failed',
        category: 'auth',
        message: 'HTTP 401',
        latencyMs: 12,
      }),
    );
    answer.complete();
    await settle();
    const text = byTestId('test-result')?.textContent ?? '';
    expect(text).toMatch(/Failed: Authentication failed/);
    expect(text).toMatch(/after 12 ms/);
    expect(text).toMatch(/Check the API key/);
  });

  it('says why the request failed and hands the error to the dialog', async () => {
    await run();
    const refused = new HttpErrorResponse({ status: 0 });
    answer.error(refused);
    await settle();
    expect(byTestId('test-result')?.dataset['status']).toBe('error');
    expect(byTestId('test-result')?.textContent).toMatch(/The test failed/);
    expect(fixture.componentInstance.failures).toEqual([refused]);
  });

  it('sends nothing while the form is not ready', async () => {
    fixture.componentInstance.ready.set(false);
    await run();
    expect(testDraft).not.toHaveBeenCalled();
    expect(byTestId('test-result')).toBeNull();
  });
});
