"""Renderers: reports are data, rendered here for the terminal, Markdown, JSON, HTML…"""
