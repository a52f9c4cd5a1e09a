"""Corpora too large for a story folder: batch scoring (local or Dask) and reading its results back."""
