/**
 * The JSR-223 face of the kernel's Python: {@code new ScriptEngineManager().getEngineByName(
 * "sky-python")} runs Python locally or, with the {@code sky4j.cluster} binding, on a cluster's
 * head node, streaming output to the context's writers.
 */
package dev.sky4j.kernel.script;
