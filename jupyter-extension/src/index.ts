// The sky4j JupyterLab plugin: side panel, status-bar item, "Launch with sky4j" on task files in
// the file browser, and "switch this notebook to the sky4j kernel attached to a cluster".
import {
  ILabShell,
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { Dialog, MainAreaWidget, showDialog, showErrorMessage } from '@jupyterlab/apputils';
import { IDefaultFileBrowser } from '@jupyterlab/filebrowser';
import { INotebookTracker } from '@jupyterlab/notebook';
import { IStatusBar } from '@jupyterlab/statusbar';
import { Widget } from '@lumino/widgets';
import * as api from './api';
import { Sky4jModel } from './model';
import { Sky4jPanel } from './panel';
import { Sky4jStatus } from './statusbar';

/** The kernel built by the kernel module (`sky kernel install`); it attaches with `%sky attach`. */
export const KERNEL_NAME = 'sky4j';

function pre(text: string, cls = 'sky4j-pre'): Widget {
  const w = new Widget();
  const p = document.createElement('pre');
  p.className = cls;
  p.textContent = text;
  w.node.appendChild(p);
  return w;
}

async function askCluster(path: string): Promise<string | null> {
  const body = new Widget();
  const label = document.createElement('label');
  label.textContent = `Launch ${path} on cluster (empty: a generated name): `;
  const input = document.createElement('input');
  input.className = 'sky4j-cluster-input';
  input.placeholder = 'dev';
  label.appendChild(input);
  body.node.appendChild(label);
  const r = await showDialog({
    title: 'Launch with sky4j',
    body,
    buttons: [Dialog.cancelButton(), Dialog.okButton({ label: 'Launch' })],
    focusNodeSelector: 'input'
  });
  return r.button.accept ? input.value.trim() : null;
}

const plugin: JupyterFrontEndPlugin<void> = {
  id: 'sky4j-jupyterlab:plugin',
  description: 'sky4j clusters panel, status bar and launch dialog',
  autoStart: true,
  requires: [ILabShell],
  optional: [IStatusBar, IDefaultFileBrowser, INotebookTracker],
  activate: (
    app: JupyterFrontEnd,
    shell: ILabShell,
    statusBar: IStatusBar | null,
    browser: IDefaultFileBrowser | null,
    notebooks: INotebookTracker | null
  ) => {
    const model = new Sky4jModel();

    const showLogs = (query: string, title: string) => {
      api.logs(query).then(
        r => {
          const w = new MainAreaWidget({ content: pre(r.text || '(no output yet)') });
          w.title.label = title;
          w.addClass('sky4j-logs');
          shell.add(w, 'main');
          shell.activateById(w.id);
        },
        e => void showErrorMessage('sky4j logs', (e as Error).message)
      );
    };

    const launchPath = async (path: string) => {
      const cluster = await askCluster(path);
      if (cluster === null) {
        return;
      }
      try {
        const { requestId } = await api.launchFile(path, cluster);
        void showDialog({
          title: 'sky4j launch submitted',
          body: `Request ${requestId}. Follow it in a notebook with %sky api logs ${requestId}`,
          buttons: [Dialog.okButton()]
        });
        void model.refresh();
      } catch (e) {
        const err = e as api.Sky4jError;
        void showDialog({
          title: 'sky4j: cannot launch',
          body: pre(err.diagnosticsText ? `${err.message}\n\n${err.diagnosticsText}` : err.message, 'sky4j-pre sky4j-error'),
          buttons: [Dialog.okButton()]
        });
      }
    };

    const selectedTaskFile = (): string | null => {
      const item = browser ? Array.from(browser.selectedItems())[0] : undefined;
      return item && /\.ya?ml$/.test(item.path) ? item.path : null;
    };

    app.commands.addCommand('sky4j:launch-file', {
      label: 'Launch with sky4j…',
      isVisible: () => selectedTaskFile() !== null,
      execute: () => {
        const path = selectedTaskFile();
        if (path) {
          return launchPath(path);
        }
        return showErrorMessage('sky4j launch', 'Select a task .yaml file in the file browser first.');
      }
    });
    app.contextMenu.addItem({
      command: 'sky4j:launch-file',
      selector: '.jp-DirListing-item[data-file-type]',
      rank: 50
    });

    const hasKernel = () => Object.keys(app.serviceManager.kernelspecs.specs?.kernelspecs ?? {})
      .includes(KERNEL_NAME);
    app.commands.addCommand('sky4j:attach-kernel', {
      label: args => `Switch notebook to the sky4j kernel on ${args.cluster ?? 'a cluster'}`,
      isEnabled: () => hasKernel() && !!notebooks?.currentWidget,
      execute: async args => {
        const cluster = String(args.cluster ?? '');
        const nb = notebooks?.currentWidget;
        if (!nb || !hasKernel()) {
          return showErrorMessage('sky4j kernel', `Open a notebook first; the '${KERNEL_NAME}' kernel must be installed (sky kernel install).`);
        }
        await nb.sessionContext.changeKernel({ name: KERNEL_NAME });
        const kernel = nb.sessionContext.session?.kernel;
        if (kernel && cluster) {
          await kernel.requestExecute({ code: `%sky attach ${cluster}`, silent: false }).done;
        }
      }
    });

    const panel = new Sky4jPanel(model, {
      logs: showLogs,
      launch: () => {
        const path = selectedTaskFile();
        if (path) {
          void launchPath(path);
        } else {
          void showErrorMessage('sky4j launch', 'Select a task .yaml file in the file browser, then press Launch.');
        }
      },
      canAttach: hasKernel,
      attach: cluster => {
        if (!hasKernel()) {
          void showErrorMessage('sky4j kernel', `The '${KERNEL_NAME}' kernel is not installed: run sky kernel install.`);
          return;
        }
        void app.commands.execute('sky4j:attach-kernel', { cluster });
      },
      confirm: async message =>
        (await showDialog({ title: 'sky4j', body: message, buttons: [Dialog.cancelButton(), Dialog.warnButton({ label: 'Down' })] })).button.accept,
      fail: message => void showErrorMessage('sky4j', message)
    });
    shell.add(panel, 'right', { rank: 600 });
    app.commands.addCommand('sky4j:open-panel', {
      label: 'Show sky4j clusters',
      execute: () => shell.activateById(panel.id)
    });

    if (statusBar) {
      const item = new Sky4jStatus(model);
      item.node.onclick = () => shell.activateById(panel.id);
      statusBar.registerStatusItem('sky4j-jupyterlab:status', { item, align: 'left', rank: 50 });
    }
    model.start();
  }
};

export default plugin;
