"""The Dify host's adapters: the SDK's types in, the runtime's calls, the SDK's types and typed
errors out. base.py and transport.py serve every model class; one module per kind of model."""
