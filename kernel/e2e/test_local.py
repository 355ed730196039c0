"""jupyter_kernel_test against the real kernel with no cluster attached: cells run in the
kernel's local Python."""
import samples


class LocalKernelTests(samples.Samples):
    def test_runs_locally(self):
        reply, out = self.run_cell("import os\nprint(os.getppid())")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertTrue(self.stdout_of(out).strip().isdigit())
