"""compare-sources: line up statements across news articles and flag what disagrees."""

# The only place the version is written: pyproject.toml reads it for the package metadata (dynamic version),
# and a plain source checkout, which has no metadata, still knows it.
__version__ = "0.1.0"
