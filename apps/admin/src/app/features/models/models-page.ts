import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PageHeader } from '@llm-registry/admin/ui';

@Component({
  selector: 'app-models-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PageHeader],
  template: '<section class="page"><ui-page-header title="Models" /></section>',
})
export class ModelsPage {}
