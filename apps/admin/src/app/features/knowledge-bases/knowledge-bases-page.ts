import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PageHeader } from '@llm-registry/admin/ui';

@Component({
  selector: 'app-knowledge-bases-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PageHeader],
  template:
    '<section class="page"><ui-page-header title="KnowledgeBases" /></section>',
})
export class KnowledgeBasesPage {}
