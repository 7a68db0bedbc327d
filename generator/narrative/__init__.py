"""Clerks' sentences: rendered in a sandbox with the Vietnamese filters, then their inline markup parsed."""
