/**
 * The Jupyter kernel: the ZeroMQ side (jjava-jupyter's BaseKernel), the cell executor that runs
 * Python locally or on the attached cluster, and the {@code %sky} magics. Depends on the client
 * module (REST API + token file) and core; never on the server.
 */
package dev.sky4j.kernel;
