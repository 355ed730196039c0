/**
 * Reading cells into magics and Python ({@link dev.sky4j.kernel.magic.CellParser}), and running
 * {@code %sky} verbs as the real CLI ({@link dev.sky4j.kernel.magic.SkyCli}) so flags and errors
 * are the CLI's own.
 */
package dev.sky4j.kernel.magic;
