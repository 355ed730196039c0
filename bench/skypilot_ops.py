#!/usr/bin/env python3
"""SkyPilot's own code for the three operations we benchmark, called in-process.

Why not the `sky` CLI: since 0.10 every CLI call goes through a local API server (uvicorn) that the
first call starts and leaves running; timing that would measure a server start-up, or a warm
server, not the work. These are the functions that server runs for each request.

Usage (HOME must be the throw-away home made by setup-skypilot.sh):
  skypilot_ops.py prep                 # fill SkyPilot's enabled-clouds cache (once, by setup)
  skypilot_ops.py validate FILE        # sky.Task.from_yaml: schema + resources checks
  skypilot_ops.py show-gpus NAME       # sky.catalog.list_accelerators (the `sky show-gpus NAME` query)
  skypilot_ops.py dryrun FILE          # Optimizer.optimize (the plan `sky launch --dryrun` prints)
"""
import sys

# The clouds our catalog covers; SkyPilot must not look at any other (it would download them).
CLOUDS = ['aws', 'gcp', 'azure', 'lambda', 'nebius', 'vast']


def prep():
    # `sky check` would call each cloud's API; instead record the clouds as enabled, the way a
    # successful `sky check` leaves them, so the optimizer reads the cache and goes no further.
    from sky import check, global_user_state, skypilot_config
    from sky.clouds import cloud as cloud_lib
    ws = skypilot_config.get_active_workspace()
    global_user_state.set_allowed_clouds(check._get_workspace_allowed_clouds(ws), ws)  # pylint: disable=protected-access
    global_user_state.set_enabled_clouds([c.upper() if c in ('aws', 'gcp') else c.capitalize()
                                          for c in CLOUDS], cloud_lib.CloudCapability.COMPUTE, ws)
    print('enabled:', check.get_cached_enabled_clouds_or_refresh(cloud_lib.CloudCapability.COMPUTE))


def validate(path):
    import sky
    sky.Task.from_yaml(path)
    print(f'{path}: OK')


def show_gpus(name):
    from sky import catalog
    # What `sky show-gpus NAME` asks the server for: case-insensitive name filter, GPUs only.
    found = catalog.list_accelerators(gpus_only=True, name_filter=name, case_sensitive=False,
                                      clouds=CLOUDS)
    print('GPU  QTY  CLOUD  INSTANCE_TYPE  DEVICE_MEM  vCPUs  HOST_MEM  PRICE  SPOT_PRICE  REGION')
    for gpu, infos in sorted(found.items()):
        for i in infos:
            print(gpu, i.accelerator_count, i.cloud, i.instance_type, i.device_memory,
                  i.cpu_count, i.memory, i.price, i.spot_price, i.region, sep='  ')


def dryrun(path):
    import sky
    from sky import optimizer
    with sky.Dag() as dag:
        sky.Task.from_yaml(path)
    optimizer.Optimizer.optimize(dag, quiet=False)  # prints the plan table, as --dryrun does


if __name__ == '__main__':
    op, args = sys.argv[1], sys.argv[2:]
    {'prep': prep, 'validate': validate, 'show-gpus': show_gpus, 'dryrun': dryrun}[op](*args)
