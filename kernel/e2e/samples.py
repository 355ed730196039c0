"""The jupyter_kernel_test samples, shared by the local and the attached runs."""
import jupyter_kernel_test as jkt

HTML_CELL = """class Bold:
    def _repr_html_(self):
        return '<b>bold</b>'
display(Bold())"""

PLOT_CELL = """import matplotlib.pyplot as plt
plt.plot([1, 2, 3], [1, 4, 9])
plt.show()"""


class Samples(jkt.KernelTests):
    kernel_name = "sky4j"
    language_name = "python"
    file_extension = ".py"
    code_hello_world = "print('hello, world')"
    code_stderr = "import sys; print('test', file=sys.stderr)"
    completion_samples = [{"text": "zi", "matches": {"zip"}}]
    complete_code_samples = ["1", "print('hello, world')", "def f(x):\n  return x*2\n\n\n"]
    incomplete_code_samples = ["print('''hello", "def f(x):\n  x*2", "for i in range(3):"]
    invalid_code_samples = ["import = 7q"]
    code_generate_error = "raise ValueError('boom')"
    code_execute_result = [{"code": "1+2+3", "result": "6"},
                           {"code": "[n*n for n in range(1, 4)]", "result": "[1, 4, 9]"}]
    code_display_data = [{"code": HTML_CELL, "mime": "text/html"},
                         {"code": PLOT_CELL, "mime": "image/png"}]
    code_inspect_sample = "zip"

    def run_cell(self, code, timeout=30):
        self.flush_channels()
        reply, out = self.execute_helper(code, timeout=timeout)
        return reply, out

    def stdout_of(self, out):
        return "".join(m["content"]["text"] for m in out
                       if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")

    def test_state_kept_between_cells(self):
        self.run_cell("kept = 41")
        reply, out = self.run_cell("print(kept + 1)")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(self.stdout_of(out), "42\n")

    def test_attribute_completion_from_the_live_namespace(self):
        self.run_cell("import os")
        msg_id = self.kc.complete("os.pa")
        reply = self.get_non_kernel_info_reply()
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertTrue({"os.path", "os.pardir"} <= set(reply["content"]["matches"]))
        self.assertEqual(reply["content"]["cursor_start"], 0)

    def test_error_has_traceback_of_the_cell(self):
        reply, out = self.run_cell("def f():\n    return 1/0\nf()")
        self.assertEqual(reply["content"]["status"], "error")
        err = [m for m in out if m["msg_type"] == "error"][0]["content"]
        self.assertEqual(err["ename"], "ZeroDivisionError")
        tb = "\n".join(err["traceback"])
        self.assertIn("return 1/0", tb)
        self.assertNotIn("sky4j_repl.py", tb)

    def test_subprocess_output_reaches_the_cell(self):
        reply, out = self.run_cell("import os\nos.system('echo from-a-child')")
        self.assertIn("from-a-child\n", self.stdout_of(out))

    def test_magic_bash_runs_in_the_cells_python_environment(self):
        self.run_cell("import os\nos.environ['SKY4J_T'] = 'same-env'")
        reply, out = self.run_cell("%%bash\necho \"env=$SKY4J_T\"")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertIn("env=same-env", self.stdout_of(out))

    def test_unknown_cell_magic_is_a_clear_error(self):
        reply, out = self.run_cell("%%perl\nprint 1")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("unknown cell magic %%perl", reply["content"]["evalue"])

    def test_input_goes_through_stdin_requests(self):
        self.flush_channels()
        msg_id = self.kc.execute("name = input('who? ')\nprint('hi', name)", allow_stdin=True)
        req = self.kc.get_stdin_msg(timeout=20)
        self.assertEqual(req["msg_type"], "input_request")
        self.assertEqual(req["content"]["prompt"], "who? ")
        self.kc.input("sky")
        reply = self.kc.get_shell_msg(timeout=20)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["status"], "ok")
        out = []
        while True:
            m = self.kc.get_iopub_msg(timeout=5)
            if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
                break
            out.append(m)
        self.assertIn("hi sky\n", self.stdout_of(out))
