/**
 * The task schema as data ({@link dev.sky4j.spec.schema.FieldModel}): one tree of fields with
 * types, descriptions and enums that the validator walks, the language server reads for
 * completion/hover, and {@link dev.sky4j.spec.schema.JsonSchemaExport} prints as draft-07 JSON
 * schema. Depends on the JDK only.
 */
package dev.sky4j.spec.schema;
