"""Chỉ tiêu: targets (chỉ tiêu) of Vietnamese resolutions, their results and evaluation."""

__version__ = "0.1.0"
