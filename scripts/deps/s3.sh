#!/usr/bin/env bash
# S3 storage on local-cloud nodes: rclone and fuse3 (Debian packages) for MOUNT / MOUNT_CACHED.
# Idempotent: apt-get runs only when one of them is missing. (The bench's AWS CLI is installed by
# bench/s3-upload.sh into its own venv, so the test command never waits for it.)
set -euo pipefail
if command -v rclone >/dev/null && command -v fusermount3 >/dev/null; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "rclone/fuse3 missing and not root: install them (apt-get install rclone fuse3)" >&2
  exit 1
fi
echo "Installing rclone and fuse3 (apt)"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q rclone fuse3 >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q rclone fuse3 >/dev/null; }
