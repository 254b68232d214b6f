"""compare-sources: line up statements across news articles and flag what disagrees."""

__version__ = "0.1.0"
