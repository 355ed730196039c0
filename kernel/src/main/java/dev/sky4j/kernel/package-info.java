/**
 * The Jupyter kernel "sky4j (Python on a cluster)" (see docs/kernel.md). {@link
 * dev.sky4j.kernel.SkyKernel} is jjava-jupyter's BaseKernel with its own execute handler (output
 * streams from a Python elsewhere while the cell runs) and the kernel_info_reply fix; {@link
 * dev.sky4j.kernel.Session} decides where cells run (the local Python, or the attached cluster's);
 * {@link dev.sky4j.kernel.Magics} runs {@code %sky}. Depends on the client module (REST API + token
 * file) and core; never on the server. The same Python is a JSR-223 engine ("sky-python",
 * {@code dev.sky4j.kernel.script}) for other JVM programs.
 */
package dev.sky4j.kernel;
