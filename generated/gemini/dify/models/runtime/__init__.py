"""The plugin runtime of the provider compiler: plain Python copied unchanged into every generated
plugin (Dify: models/runtime/, MaiBot: runtime/). Edit it in the compiler's repository, never in a
generated plugin.

Every module reads the spec's settings from `config` (the only file rendered per provider) and
imports its neighbours relatively, so each plugin is self-contained. A plugin ships only the modules
its spec needs.

- types, errors, http, sse, estimate, messages: host- and protocol-neutral pieces;
- protocols: the seam between hosts and wire protocols, and the protocol this plugin speaks;
- openai_chat: one wire protocol (a module per protocol);
- embeddings, transcription: one module per kind of call that is not chat;
- dify_*, maibot_*: the two hosts' adapters (SDK types in, the modules above, SDK types out).
"""
