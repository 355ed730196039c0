package dev.sky4j.lsp.complete;

import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/** Whole-file starting points offered in an empty document. */
final class Snippets {
  private Snippets() {}

  private record Template(String label, String detail, String body) {}

  private static final List<Template> TEMPLATES = List.of(
      new Template("dev box", "GPU dev box that stops itself when idle",
          "name: ${1:dev}\n\nresources:\n  accelerators: ${2:L4:1}\n  autostop:\n    idle_minutes: ${3:60}\n    wait_for: jobs_and_ssh\n\nworkdir: .\n\nsetup: |\n  ${4:pip install -r requirements.txt}\n\nrun: |\n  ${0:echo ready}\n"),
      new Template("training job", "multi-node training job",
          "name: ${1:train}\n\nnum_nodes: ${2:2}\n\nresources:\n  accelerators: ${3:H100:8}\n  disk_size: ${4:512}\n\nworkdir: .\n\nenvs:\n  EPOCHS: ${5:10}\n\nsetup: |\n  pip install -r requirements.txt\n\nrun: |\n  ${0:torchrun --nnodes=\\$SKYPILOT_NUM_NODES --nproc_per_node=\\$SKYPILOT_NUM_GPUS_PER_NODE train.py --epochs \\$EPOCHS}\n"),
      new Template("spot job", "managed spot job that recovers from preemption",
          "name: ${1:spot-train}\n\nresources:\n  accelerators: ${2:A100:1}\n  use_spot: true\n  job_recovery:\n    strategy: ${3|FAILOVER,EAGER_NEXT_REGION|}\n    max_restarts_on_errors: ${4:3}\n\nfile_mounts:\n  /checkpoint:\n    name: ${5:my-checkpoints}\n    mode: MOUNT\n\nrun: |\n  ${0:python train.py --checkpoint-dir /checkpoint}\n"));

  /** The snippet as it reads once inserted with its defaults. */
  static String plain(String body) {
    return body.replaceAll("\\$\\{\\d+:([^}]*)}", "$1")
        .replaceAll("\\$\\{\\d+\\|([^,|]*)[^}]*}", "$1")
        .replace("\\$", "$");
  }

  static List<CompletionItem> items(Target t) {
    return TEMPLATES.stream().map(tpl -> {
      CompletionItem item = new CompletionItem(tpl.label());
      item.setKind(CompletionItemKind.Snippet);
      item.setDetail(tpl.detail());
      item.setInsertTextFormat(InsertTextFormat.Snippet);
      item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, "```yaml\n" + plain(tpl.body()) + "\n```"));
      item.setSortText("0" + tpl.label());
      t.apply(item, tpl.body());
      item.setFilterText(tpl.label());
      return item;
    }).toList();
  }
}
