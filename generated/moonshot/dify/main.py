# Generated from specs/moonshot.yaml by the provider compiler. Do not edit by hand.
from dify_plugin import DifyPluginEnv, Plugin

plugin = Plugin(DifyPluginEnv())

if __name__ == "__main__":
    plugin.run()
