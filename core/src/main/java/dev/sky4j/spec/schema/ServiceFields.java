package dev.sky4j.spec.schema;

import static dev.sky4j.spec.schema.FieldType.ARRAY;
import static dev.sky4j.spec.schema.FieldType.BOOLEAN;
import static dev.sky4j.spec.schema.FieldType.INTEGER;
import static dev.sky4j.spec.schema.FieldType.NULL;
import static dev.sky4j.spec.schema.FieldType.NUMBER;
import static dev.sky4j.spec.schema.FieldType.OBJECT;
import static dev.sky4j.spec.schema.FieldType.STRING;

/** {@code service:}, {@code pool:}, storage mounts and lifecycle hooks (SkyPilot §1.5). */
final class ServiceFields {
  private ServiceFields() {}

  static Field.Builder poolChildren(Field.Builder b) {
    return b
        .child(Field.of("workers", "Number of workers.", INTEGER).min(0))
        .child(Field.of("min_workers", "Fewest workers when autoscaling.", INTEGER).min(0))
        .child(Field.of("max_workers", "Most workers when autoscaling.", INTEGER).min(0))
        .child(Field.of("queue_length_threshold", "Queue length that triggers scaling.", INTEGER).min(1))
        .child(Field.of("upscale_delay_seconds", "Delay before scaling up.", NUMBER).min(0))
        .child(Field.of("downscale_delay_seconds", "Delay before scaling down.", NUMBER).min(0));
  }

  static Field service() {
    return Field.of("service", "Serve this task as a replicated service (SkyServe).", OBJECT)
        .child(Field.of("readiness_probe", "Health check path, or {path, initial_delay_seconds, ...}.", STRING, OBJECT)
            .child(Field.of("path", "HTTP path to probe.", STRING))
            .child(Field.of("initial_delay_seconds", "Grace period after start.", NUMBER))
            .child(Field.of("timeout_seconds", "Probe timeout.", NUMBER))
            .child(Field.of("endpoint_probe_interval_seconds", "Seconds between probes.", NUMBER))
            .child(Field.of("consecutive_failure_threshold_timeout", "Failure window before a replica is replaced.", NUMBER))
            .child(Field.of("post_data", "Body for a POST probe.", STRING, OBJECT).values(FieldModel.any("value")))
            .child(Field.of("headers", "Probe HTTP headers.", OBJECT).values(Field.of("header", "Header value.", STRING)))
            .required("path"))
        .child(Field.of("load_balancer", "Load balancer settings.", OBJECT)
            .child(Field.of("stream_timeout_seconds", "Streaming response timeout.", NUMBER)))
        .child(poolChildren(Field.of("pool", "Worker pool settings.", OBJECT)))
        .child(Field.of("replica_policy", "Autoscaling policy.", OBJECT)
            .child(Field.of("min_replicas", "Fewest replicas.", INTEGER).min(0))
            .child(Field.of("max_replicas", "Most replicas.", INTEGER).min(0))
            .child(Field.of("num_overprovision", "Extra replicas kept warm.", INTEGER).min(0))
            .child(Field.of("target_qps_per_replica", "Target queries/s per replica (or per accelerator).", NUMBER, OBJECT)
                .min(0).values(Field.of("qps", "Target QPS for this accelerator.", NUMBER).min(0)))
            .child(Field.of("dynamic_ondemand_fallback", "Fall back to on-demand when spot is short.", BOOLEAN))
            .child(Field.of("base_ondemand_fallback_replicas", "On-demand replicas always kept.", INTEGER).min(0))
            .child(Field.of("spot_placer", "Spot placement policy.", STRING).enumOf("dynamic_fallback").caseInsensitive())
            .child(Field.of("upscale_delay_seconds", "Delay before scaling up.", NUMBER))
            .child(Field.of("downscale_delay_seconds", "Delay before scaling down.", NUMBER))
            .required("min_replicas"))
        .child(Field.of("ports", "Port the replicas serve on.", INTEGER))
        .child(Field.of("replicas", "Fixed number of replicas.", INTEGER).min(0))
        .child(Field.of("workers", "Number of workers.", INTEGER))
        .child(Field.of("load_balancing_policy", "How requests are spread.", STRING)
            .enumOf("round_robin", "least_load", "instance_aware_least_load"))
        .child(Field.of("tls", "TLS for the endpoint.", OBJECT)
            .child(Field.of("keyfile", "Private key file.", STRING))
            .child(Field.of("certfile", "Certificate file.", STRING))
            .required("keyfile", "certfile"))
        .build();
  }

  static Field pool() {
    return poolChildren(Field.of("pool", "A pool of workers that managed jobs run on.", OBJECT)).build();
  }

  /** A {@code file_mounts} value: a source path/URL, or a storage mapping. */
  static Field fileMount() {
    return Field.of("mount", "A local path or URL to copy, or a storage {name, source, store, mode}.", STRING, OBJECT)
        // null name/source: the storage rule says one of them is required, not "found null"
        .child(Field.of("name", "Bucket name.", STRING, NULL))
        .child(Field.of("source", "Local path(s) or bucket URL to fill the storage from.", STRING, ARRAY, NULL)
            .items(Field.of("path", "A local path.", STRING)))
        .child(Field.of("store", "Storage service.", STRING)
            .enumOf("s3", "gcs", "azure", "r2", "ibm", "oci", "vastdata", "nebius", "volume").caseInsensitive())
        .child(Field.of("persistent", "Keep the bucket after the cluster is torn down.", BOOLEAN))
        .child(Field.of("mode", "MOUNT (live), COPY (copied at start) or MOUNT_CACHED.", STRING)
            .enumOf("MOUNT", "COPY", "MOUNT_CACHED").caseInsensitive())
        .child(Field.of("type", "Mount purpose, e.g. DATASET_RO, MODEL_CHECKPOINT_RW.", STRING))
        .child(Field.of("config", "Store-specific settings.", OBJECT)
            .child(Field.of("disk_size", "Size in GB.", STRING, INTEGER))
            .child(Field.of("disk_tier", "Performance tier.", STRING))
            .child(Field.of("storage_type", "Storage type.", STRING))
            .child(Field.of("attach_mode", "read_write or read_only.", STRING))
            .child(FieldModel.open("mount_cached", "rclone cache settings."))
            .child(Field.of("mount", "Mount settings.", OBJECT)
                .child(Field.of("read_only", "Mount read-only.", BOOLEAN))))
        .child(Field.of("_bucket_sub_path", "Internal.", STRING))
        .child(Field.of("_is_sky_managed", "Internal.", BOOLEAN))
        .child(Field.of("_force_delete", "Internal.", BOOLEAN))
        .build();
  }

  static Field config() {
    Field hook = Field.of("hook", "A script run before stop, down or preemption.", OBJECT)
        .child(Field.of("run", "The script (1 to 16384 characters).", STRING))
        .child(Field.of("events", "When to run: stop, preemption, down (default all three).", ARRAY)
            .items(Field.of("event", "A lifecycle event.", STRING).enumOf("stop", "preemption", "down")))
        .child(Field.of("timeout", "Seconds before the hook is killed (default 3600).", INTEGER).min(1))
        .required("run")
        .build();
    return Field.of("config", "Per-task overrides of ~/.sky/config.yaml, and lifecycle hooks.", OBJECT)
        .child(Field.of("hooks", "Lifecycle hooks (at most 32).", ARRAY).items(hook))
        .values(FieldModel.any("setting"))
        .build();
  }
}
