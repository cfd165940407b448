"""The MaiBot host's adapter: the @LLMProvider handler's operations (provider.py), MaiBot's
requests in the neutral form (messages.py), and aiohttp (transport.py)."""
