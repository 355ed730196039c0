"""sky4j for Jupyter: `%load_ext sky4j` gives the %sky / %%sky magics (sky4j.magics); the Jupyter
server extension (sky4j.serverext) proxies the JupyterLab panel's calls to the sky4j API server so
the browser never holds its token; the panel itself ships prebuilt in sky4j/labextension."""

__version__ = "0.1.0"


def load_ipython_extension(ipython):
    from .magics import SkyMagics

    ipython.register_magics(SkyMagics)


def _jupyter_server_extension_points():
    return [{"module": "sky4j.serverext"}]


def _jupyter_labextension_paths():
    return [{"src": "labextension", "dest": "sky4j-jupyterlab"}]
