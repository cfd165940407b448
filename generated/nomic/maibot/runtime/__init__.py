"""The plugin runtime of the provider compiler: plain Python copied unchanged into every generated
plugin (Dify: models/runtime/, MaiBot: runtime/). Edit it in the compiler's repository, never in a
generated plugin.

Every module reads the spec's settings from `config` (the only file rendered per provider) and
imports its neighbours relatively, so each plugin is self-contained. A plugin ships only the modules
its spec needs.

- the core, in this folder: types, errors, text, estimate, http, sse, parameters, customizable and
  messages: host- and protocol-neutral pieces, and what several protocols or kinds share;
- protocols/: the seam between hosts and wire protocols, and one module per protocol;
- kinds/: one module per kind of call that is not chat (and the embedding seam);
- dify/, maibot/: the two hosts' adapters (SDK types in, the modules above, SDK types out).

Nothing points back up: a protocol or kind never imports a sibling, and only the host folders
import the families.
"""
