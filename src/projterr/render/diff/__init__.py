"""Renderers of the diff report: one module per format."""
