"""careercli: explore software careers in the terminal."""

from careercli._version import __version__

__all__ = ["__version__"]
