// The status-bar item: how many clusters are UP and what they cost per hour together.
import { Widget } from '@lumino/widgets';
import { Sky4jModel } from './model';

export class Sky4jStatus extends Widget {
  constructor(private model: Sky4jModel) {
    super();
    this.addClass('sky4j-statusbar');
    this.node.title = 'sky4j: UP clusters and their total $/h (click to open the panel)';
    model.changed.connect(() => this.render(), this);
    this.render();
  }

  private render(): void {
    const s = this.model.upSummary();
    this.node.textContent = this.model.error
      ? 'sky4j: offline'
      : `sky4j: ${s.up} UP · $${s.perHour.toFixed(2)}/h`;
  }
}
