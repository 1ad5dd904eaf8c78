"""Turning model objects into Rich renderables, Markdown and JSON. Presenters decide how, never what."""
