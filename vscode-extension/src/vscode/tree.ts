// The Clusters and Managed jobs views: TreeNode (src/core/model.ts) -> vscode.TreeItem.
import * as vscode from 'vscode';
import type { TreeNode } from '../core/model';
import type { ViewState } from '../core/views';

export function toItem(n: TreeNode): vscode.TreeItem {
  const item = new vscode.TreeItem(n.label, n.collapsible ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = n.id;
  item.description = n.description;
  item.tooltip = n.tooltip;
  item.contextValue = n.contextValue;
  item.iconPath = new vscode.ThemeIcon(n.icon.id, n.icon.color ? new vscode.ThemeColor(n.icon.color) : undefined);
  if (n.kind === 'job' || n.kind === 'managed') {
    item.command = { command: 'sky4j.openLog', title: 'Open log', arguments: [n] };
  }
  return item;
}

export class ClustersTree implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly state: ViewState, private readonly section: 'clusters' | 'managed') {
    state.onChange(() => this.changed.fire(undefined));
  }

  getTreeItem(n: TreeNode) { return toItem(n); }

  async getChildren(n?: TreeNode): Promise<TreeNode[]> {
    if (!n) return this.section === 'clusters' ? this.state.clusterRoots() : this.state.managedRoots();
    if (n.kind === 'cluster' && n.cluster) return this.state.jobs(n.cluster);
    return [];
  }
}
