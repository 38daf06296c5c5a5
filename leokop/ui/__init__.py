"""Shared UI pieces: German texts, widgets and chart builders."""
