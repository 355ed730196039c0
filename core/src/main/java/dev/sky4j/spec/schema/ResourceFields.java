package dev.sky4j.spec.schema;

import static dev.sky4j.spec.schema.FieldType.ARRAY;
import static dev.sky4j.spec.schema.FieldType.BOOLEAN;
import static dev.sky4j.spec.schema.FieldType.INTEGER;
import static dev.sky4j.spec.schema.FieldType.NULL;
import static dev.sky4j.spec.schema.FieldType.NUMBER;
import static dev.sky4j.spec.schema.FieldType.OBJECT;
import static dev.sky4j.spec.schema.FieldType.STRING;

import java.util.ArrayList;
import java.util.List;

/** The {@code resources:} part of the schema (SkyPilot's {@code get_resources_schema}). */
final class ResourceFields {
  private ResourceFields() {}

  static final String MEMORY_SIZE = "^[0-9]+([kKmMgGtTpP][bBiI])?$";
  static final String TIME = "^[0-9]+(m|h|d|w|M|H|D|W)?$";

  static Field resources() {
    Field single = Field.of("item", "One candidate; its fields override the outer defaults.", OBJECT)
        .children(single()).build();
    return Field.of("resources", "What each node needs: accelerators, cpus, memory, cloud, spot...", OBJECT)
        .children(single())
        .child(Field.of("any_of", "Candidate resources; the cheapest that can launch is used.", ARRAY).items(single))
        .child(Field.of("ordered", "Candidate resources, tried in this order.", ARRAY).items(single))
        .build();
  }

  private static Field.Builder accelerators(String name, String description) {
    return Field.of(name, description, STRING, OBJECT, ARRAY)
        .values(Field.of("count", "How many of this accelerator (null means 1).", NUMBER, NULL))
        .items(Field.of("accelerator", "An accelerator, e.g. H100:1, tried in list order.", STRING));
  }

  private static Field jobRecovery(String name, String description, String deprecatedBy) {
    Field.Builder b = Field.of(name, description, STRING, OBJECT, NULL)
        .enumOf("FAILOVER", "EAGER_NEXT_REGION", "none").caseInsensitive()
        .child(Field.of("strategy", "FAILOVER (retry same region first) or EAGER_NEXT_REGION.", STRING, NULL)
            .enumOf("FAILOVER", "EAGER_NEXT_REGION", "none").caseInsensitive())
        .child(Field.of("max_restarts_on_errors", "Restarts allowed when the job itself fails (exit code != 0).", INTEGER).min(0))
        .child(Field.of("recover_on_exit_codes", "Exit codes that always trigger a restart (0-255).", INTEGER, ARRAY)
            .min(0).max(255).items(Field.of("code", "An exit code (0-255).", INTEGER).min(0).max(255)));
    if (deprecatedBy != null) {
      b.deprecatedBy(deprecatedBy);
    }
    return b.build();
  }

  static List<Field> single() {
    List<Field> f = new ArrayList<>();
    f.add(Field.of("infra", "Where to run: cloud[/region[/zone]], e.g. aws/us-east-1 or local; * is any.", STRING).build());
    f.add(Field.of("cloud", "Cloud to use (legacy; prefer infra).", STRING).enumOf(Clouds.ALL).caseInsensitive().build());
    f.add(Field.of("region", "Region in the cloud (legacy; prefer infra).", STRING).build());
    f.add(Field.of("zone", "Zone in the region (legacy; prefer infra).", STRING).build());
    f.add(accelerators("accelerators", "GPUs/TPUs per node: H100:8, {A100:1, H100:1} (any), [L4, A10G] (in order), 80GB+.").build());
    f.add(accelerators("gpus", "Alias of accelerators.").build());
    f.add(Field.of("cpus", "vCPUs per node: 8 (exactly) or 8+ (at least).", STRING, NUMBER).build());
    f.add(Field.of("memory", "Memory per node in GB: 32, 32+, 64GB, or 4x (GiB per vCPU).", STRING, NUMBER).build());
    f.add(Field.of("instance_type", "Exact instance type, e.g. p5.48xlarge.", STRING).build());
    f.add(Field.of("use_spot", "Use spot (preemptible) instances; managed jobs recover from preemption.", BOOLEAN).build());
    f.add(jobRecovery("job_recovery", "How a managed job recovers from preemption or failure.", null));
    f.add(jobRecovery("spot_recovery", "Deprecated: use job_recovery.", "job_recovery"));
    f.add(Field.of("disk_size", "OS disk size in GB (default 256).", STRING, INTEGER).pattern(MEMORY_SIZE).build());
    f.add(Field.of("disk_tier", "OS disk performance tier.", STRING).enumOf("low", "medium", "high", "ultra", "best").build());
    f.add(Field.of("network_tier", "Network tier; best asks for EFA/GPUDirect/InfiniBand where offered.", STRING).enumOf("standard", "best").build());
    f.add(Field.of("local_disk", "Local disk: [nvme|ssd:]size[+].", STRING).build());
    f.add(Field.of("ephemeral_storage", "Ephemeral storage (Kubernetes only).", STRING, INTEGER).pattern(MEMORY_SIZE).build());
    f.add(Field.of("ports", "Ports to open: 8080, \"10000-10010\", or a list of them.", STRING, INTEGER, ARRAY, NULL)
        .items(Field.of("port", "A port or a range such as 10000-10010.", STRING, INTEGER)).build());
    f.add(Field.of("labels", "Labels/tags for the instances (key: value).", OBJECT)
        .values(Field.of("label", "Label value.", STRING)).build());
    f.add(Field.of("image_id", "Machine image (AMI, docker:<image>), or a map region -> image.", STRING, OBJECT, NULL)
        .values(Field.of("image", "Image for this region.", STRING)).build());
    f.add(Field.of("autostop", "Stop when idle: true, minutes, \"10h\", or {idle_minutes, down, wait_for}.", BOOLEAN, INTEGER, STRING, OBJECT)
        .pattern(TIME)
        .child(Field.of("idle_minutes", "Idle minutes before stopping.", INTEGER).min(0))
        .child(Field.of("down", "Tear the cluster down instead of stopping it.", BOOLEAN))
        .child(Field.of("wait_for", "What keeps the cluster awake: jobs_and_ssh (default), jobs, none.", STRING)
            .enumOf("jobs_and_ssh", "jobs", "none").caseInsensitive())
        .child(Field.of("hook", "Deprecated: use config.hooks.", STRING))
        .child(Field.of("hook_timeout", "Deprecated: use config.hooks[].timeout.", INTEGER).min(1))
        .build());
    f.add(Field.of("priority", "Job priority, -1000..1000 (higher runs first).", INTEGER).min(-1000).max(1000).build());
    f.add(Field.of("priority_class", "Kubernetes priority class.", STRING).build());
    f.add(Field.of("max_hourly_cost", "Highest price per node per hour in USD.", NUMBER).build());
    f.add(Field.of("accelerator_args", "TPU settings.", OBJECT)
        .child(Field.of("runtime_version", "TPU runtime version.", STRING))
        .child(Field.of("tpu_name", "TPU name.", STRING))
        .child(Field.of("tpu_vm", "Use a TPU VM.", BOOLEAN))
        .child(Field.of("gcp_queued_resource", "Use GCP queued resources.", BOOLEAN)).build());
    f.add(Field.of("volumes", "Extra disks to attach.", ARRAY).items(Field.of("volume", "A disk.", OBJECT)
        .child(Field.of("disk_size", "Size in GB.", STRING, INTEGER))
        .child(Field.of("disk_tier", "Performance tier.", STRING))
        .child(Field.of("path", "Mount path.", STRING))
        .child(Field.of("auto_delete", "Delete with the cluster.", BOOLEAN))
        .child(Field.of("storage_type", "Storage type.", STRING))
        .child(Field.of("name", "Volume name.", STRING))
        .child(Field.of("attach_mode", "read_write or read_only.", STRING))).build());
    f.add(Field.of("_no_missing_accel_warnings", "Internal.", BOOLEAN).build());
    f.add(Field.of("_docker_login_config", "Internal.", OBJECT)
        .child(Field.of("username", "Registry user.", STRING))
        .child(Field.of("password", "Registry password.", STRING))
        .child(Field.of("server", "Registry server.", STRING)).build());
    f.add(Field.of("_is_image_managed", "Internal.", BOOLEAN).build());
    f.add(Field.of("_requires_fuse", "Internal.", BOOLEAN).build());
    f.add(FieldModel.open("_cluster_config_overrides", "Internal."));
    return f;
  }
}
