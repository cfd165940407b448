"""The Dify plugin's entry point: the daemon runs `python -m main` in the plugin folder."""

from dify_plugin import DifyPluginEnv, Plugin

plugin = Plugin(DifyPluginEnv())

if __name__ == "__main__":
    plugin.run()
