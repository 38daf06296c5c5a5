"""Errors that end a command or a page with one clear message instead of a traceback."""


class SetupError(Exception):
    """The database cannot be used; the message says what to do."""
