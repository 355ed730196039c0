// Whether an open document is a task file (src/core/selector.ts on VS Code's document).
import type * as vscode from 'vscode';
import { isSkyDocument } from '../core/selector';

export function isTaskDocument(d: vscode.TextDocument): boolean {
  return isSkyDocument({ languageId: d.languageId, fsPath: d.uri.fsPath || d.uri.path, firstLine: d.lineCount ? d.lineAt(0).text : '' });
}
