package dev.sky4j.spec.schema;

import static dev.sky4j.spec.schema.FieldType.ARRAY;
import static dev.sky4j.spec.schema.FieldType.BOOLEAN;
import static dev.sky4j.spec.schema.FieldType.INTEGER;
import static dev.sky4j.spec.schema.FieldType.NULL;
import static dev.sky4j.spec.schema.FieldType.NUMBER;
import static dev.sky4j.spec.schema.FieldType.OBJECT;
import static dev.sky4j.spec.schema.FieldType.STRING;

import java.util.List;

/**
 * The task schema as a tree of {@link Field}s: SkyPilot's task schema (top level, resources,
 * service, storage, hooks). The validator walks it, {@link JsonSchemaExport} prints it, and the
 * language server reads {@link #at(List)} for completion and hover.
 */
public final class FieldModel {
  public static final String ENV_NAME_PATTERN = "^[a-zA-Z_][a-zA-Z0-9_]*$";

  private static final class Holder {
    static final Field ROOT = build();
  }

  private FieldModel() {}

  public static Field root() {
    return Holder.ROOT;
  }

  /**
   * The field at a YAML path such as {@code [resources, any_of, 0, accelerators]} (list indexes
   * as numbers or {@code "-"}; any key of a free-form mapping), or null when there is none.
   */
  public static Field at(List<String> yamlPath) {
    Field f = root();
    for (String seg : yamlPath) {
      if (f == null) {
        return null;
      }
      boolean index = seg.equals("-") || (!seg.isEmpty() && seg.chars().allMatch(Character::isDigit));
      if (index && f.items() != null) {
        f = f.items();
      } else if (f.children().containsKey(seg)) {
        f = f.children().get(seg);
      } else {
        f = f.values();
      }
    }
    return f;
  }

  static Field any(String name) {
    return Field.of(name, "Any value.", FieldType.values()).build();
  }

  static Field open(String name, String description) {
    return Field.of(name, description, OBJECT).values(any("value")).build();
  }

  private static Field build() {
    Field envValue = Field.of("value", "The value (null: must be given with --env at launch).",
        STRING, NUMBER, BOOLEAN, NULL).build();
    return Field.of("task", "A SkyPilot task.", OBJECT)
        .child(Field.of("name", "Task name: letters and digits, separated by single . _ or -.", STRING))
        .child(Field.of("workdir", "Local folder (or git {url, ref}) synced to ~/sky_workdir on every node.", STRING, OBJECT)
            .child(Field.of("url", "Git repository URL.", STRING))
            .child(Field.of("ref", "Branch, tag or commit.", STRING))
            .required("url"))
        .child(Field.of("event_callback", "Command run on job events.", STRING))
        .child(Field.of("num_nodes", "How many nodes (default 1).", INTEGER).min(1))
        .child(ResourceFields.resources())
        .child(Field.of("envs", "Environment variables for setup and run.", OBJECT)
            .keyPattern(ENV_NAME_PATTERN).values(envValue))
        .child(Field.of("secrets", "Like envs, but redacted everywhere except on the nodes.", OBJECT, ARRAY)
            .values(envValue)
            .items(Field.of("secret", "A managed secret reference, secrets:NAME.", STRING)))
        .child(Field.of("file_mounts", "Remote path -> local path, URL or storage.", OBJECT)
            .values(ServiceFields.fileMount()))
        .child(Field.of("setup", "Commands run once per launch on every node (not on exec).", STRING))
        .child(Field.of("run", "Commands of the job, run on every node.", STRING))
        .child(ServiceFields.service())
        .child(ServiceFields.pool())
        .child(ServiceFields.config())
        .child(open("volumes", "Volumes to mount (Kubernetes/cloud volumes)."))
        .child(Field.of("volume_mounts", "Internal.", ARRAY).items(any("mount")))
        .child(Field.of("managed_secrets", "Managed secrets to inject.", ARRAY)
            .items(Field.of("secret", "A secret name, or {name: {mount_path: ...}}.", STRING, OBJECT)
                .values(Field.of("spec", "How to mount it.", OBJECT)
                    .child(Field.of("mount_path", "Where to mount it.", STRING)))))
        .child(Field.of("inputs", "Experimental: input size estimate.", OBJECT).values(Field.of("size", "Size.", NUMBER)))
        .child(Field.of("outputs", "Experimental: output size estimate.", OBJECT).values(Field.of("size", "Size.", NUMBER)))
        .child(Field.of("api_server_access", "Give the job credentials for nested sky calls (default true).", BOOLEAN))
        .child(open("file_mounts_mapping", "Internal."))
        .child(open("_metadata", "Internal."))
        .build();
  }
}
