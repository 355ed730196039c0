"""Keeps the simulated VMs in step with moto (polled every half second, on moto's own port):
a running sky4j instance gets a VM (created from its user data on first sight, booted again
after a stop), a stopped one loses its processes but keeps its disk, a terminated or vanished
one loses both. A VM's own shutdown turns into StopInstances or TerminateInstances according to
the instance's InstanceInitiatedShutdownBehavior, as EC2 does. Never connects to the addresses
moto hands out: each VM gets its own 127.251.x.y, published in hosts.json."""
import base64
import socket
import sys
import threading
import time
import traceback

import boto3
from botocore.config import Config

from .state import CREDENTIALS, write_json
from .vm import Vm

POLL_SECONDS = 0.5
CLUSTER_TAG = "sky4j-cluster"
GONE = {"shutting-down", "terminated"}
DOWN = {"stopping", "stopped"}


class Watcher:
    def __init__(self, sim, moto_port: int, regions: set):
        self.sim = sim
        self.endpoint = "http://127.0.0.1:%d" % moto_port
        self.regions = regions
        self.vms = {}
        self.meta = {}  # instance id -> {region, state, cluster, address}
        self.clients = {}
        self.stopped = threading.Event()
        self.finished = threading.Event()
        self.sim.vms.mkdir(parents=True, exist_ok=True)
        for d in sorted(self.sim.vms.iterdir()):  # disks of an earlier run of the simulator
            vm = Vm(self.sim.vms, d.name)
            if vm.exists():
                self.vms[d.name] = vm

    def ec2(self, region):
        if region not in self.clients:
            self.clients[region] = boto3.client(
                "ec2", region_name=region, endpoint_url=self.endpoint,
                aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
                aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
                config=Config(retries={"max_attempts": 2}))
        return self.clients[region]

    def run(self):
        while not self.stopped.is_set():
            try:
                self.tick()
            except Exception:  # moto restarting, a half-created VM: try again next tick
                traceback.print_exc(file=sys.stderr)
            self.stopped.wait(POLL_SECONDS)
        self.finished.set()

    def close(self):
        self.stopped.set()
        self.finished.wait(30)  # a tick in progress must not boot a VM after this
        for vm in self.vms.values():
            vm.kill()

    def tick(self):
        seen = {}
        for region in sorted(self.regions | {m["region"] for m in self.meta.values()}):
            for page in self.ec2(region).get_paginator("describe_instances").paginate():
                for r in page["Reservations"]:
                    for i in r["Instances"]:
                        tags = {t["Key"]: t["Value"] for t in i.get("Tags", [])}
                        if CLUSTER_TAG in tags:
                            seen[i["InstanceId"]] = (region, i["State"]["Name"], tags[CLUSTER_TAG])
        for iid, (region, state, cluster) in seen.items():
            self.reconcile(iid, region, state, cluster)
        for iid in [i for i in self.vms if i not in seen]:  # moto reset: the account is empty
            self.vms.pop(iid).delete()
            self.meta.pop(iid, None)
        self.publish()

    def reconcile(self, iid, region, state, cluster):
        vm = self.vms.get(iid)
        if state in GONE:
            if vm:
                self.vms.pop(iid).delete()
        elif state in DOWN:
            if vm and vm.running():
                vm.kill()
        elif state == "running":
            if vm is None:
                vm = self.vms[iid] = Vm(self.sim.vms, iid)
            if not vm.exists():
                data = self.ec2(region).describe_instance_attribute(
                    InstanceId=iid, Attribute="userData")["UserData"].get("Value", "")
                vm.create(self.free_address(), base64.b64decode(data) if data else b"",
                          {"region": region, "cluster": cluster})
            if vm.may_boot():
                vm.boot()
            self.handle_request(vm, region)
        address = vm.address if vm and vm.exists() else None
        self.meta[iid] = {"region": region, "state": state, "cluster": cluster,
                          "address": address, "sshd": bool(vm and vm.running() and vm.sshd_up())}

    def handle_request(self, vm, region):
        req = vm.take_request()
        if req == "reboot":
            vm.kill()
            vm.boot()
        elif req == "poweroff":
            ec2 = self.ec2(region)
            behaviour = ec2.describe_instance_attribute(
                InstanceId=vm.id, Attribute="instanceInitiatedShutdownBehavior")[
                "InstanceInitiatedShutdownBehavior"]["Value"]
            vm.kill()
            if behaviour == "terminate":
                ec2.terminate_instances(InstanceIds=[vm.id])
            else:
                ec2.stop_instances(InstanceIds=[vm.id])
            print("%s: instance-initiated shutdown -> %s" % (vm.id, behaviour), flush=True)

    def free_address(self):
        used = {vm.address for vm in self.vms.values() if vm.exists()}
        for n in range(0, 250 * 250):
            a = "127.251.%d.%d" % (n // 250, n % 250 + 1)
            if a in used:
                continue
            try:
                with socket.socket() as s:
                    s.bind((a, 22))
                return a
            except OSError:
                continue
        raise RuntimeError("no free 127.251.x.y address")

    def publish(self):
        hosts = {iid: {"ssh_host": m["address"], "ssh_port": 22, "internal_ip": m["address"]}
                 for iid, m in self.meta.items() if m["address"] and (m["sshd"] or m["state"] != "running")}
        write_json(self.sim.hosts, hosts)
        write_json(self.sim.instances, self.meta)
