"""Compile one YAML spec per LLM provider into Dify and MaiBot plugins."""
