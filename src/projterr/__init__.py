"""projterr: import, check, compare and export French territorial strategies."""

__version__ = "0.1.0"
