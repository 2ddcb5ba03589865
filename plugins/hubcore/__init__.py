"""Shared pieces of the hub's plugins: settings defaults, languages, URLs, findings.

Not a Pelican plugin itself (it has no register()); the plugins import it.
"""
