package dev.sky4j.kernel;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;

/**
 * jjava-jupyter 1.0-a6's kernel_info_reply lacks {@code "status": "ok"}, which the protocol
 * requires (jupyter_kernel_test fails on it); this subclass adds the field (Gson writes the
 * runtime class's fields).
 */
final class OkKernelInfoReply extends KernelInfoReply {
  @SuppressWarnings("unused")
  private final String status = "ok";

  OkKernelInfoReply(String protocol, String name, String version, LanguageInfo lang, String banner,
      List<HelpLink> links) {
    super(protocol, name, version, lang, banner, links);
  }
}
