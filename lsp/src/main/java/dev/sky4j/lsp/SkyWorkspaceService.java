package dev.sky4j.lsp;

import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Nothing workspace-wide yet: configuration comes in as initialization options. */
final class SkyWorkspaceService implements WorkspaceService {
  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    // no settings are read from the workspace configuration
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    // task files are validated from the editor's buffers, not from disk
  }
}
