"""jupyter_kernel_test against the real kernel attached to a local-cloud cluster (a real node
process behind real SSH): the same samples, plus proof that cells run on the node."""
import os
import unittest

import jupyter_kernel_test as jkt
import kernels
import samples


@unittest.skipUnless(kernels.CLUSTER, "needs SKY4J_KERNEL_TEST_CLUSTER (scripts/e2e/kernel.sh sets it)")
class AttachedKernelTests(samples.Samples):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = kernels.start(attach=kernels.CLUSTER)

    def test_cells_run_on_the_head_node_with_the_jobs_gpus(self):
        reply, out = self.run_cell("import os\nprint(os.getcwd())\n"
                                   "print(os.environ.get('CUDA_VISIBLE_DEVICES'))")
        cwd, cuda = self.stdout_of(out).splitlines()
        # the node's home lives under the local cloud's folder of SKY4J_HOME, not the notebook's
        self.assertIn(os.path.join(os.environ["SKY4J_HOME"], "local", kernels.CLUSTER), cwd)
        self.assertEqual(cuda, "0")

    def test_sky_magic_runs_the_cli(self):
        reply, out = self.run_cell("%sky status")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertIn(kernels.CLUSTER, self.stdout_of(out))
        self.assertIn("UP", self.stdout_of(out))

    def test_sky_magic_errors_are_the_clis(self):
        reply, out = self.run_cell("%sky queue " + kernels.CLUSTER + " --no-such-flag")
        self.assertEqual(reply["content"]["status"], "error")
        text = "".join(m["content"].get("text", "") for m in out if m["msg_type"] == "stream")
        self.assertIn("--no-such-flag", text)
