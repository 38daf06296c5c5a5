"""Errors that end a command or a page with one clear message instead of a traceback."""


class SetupError(Exception):
    """The database cannot be used; the message says what to do."""


class AlreadySaved(Exception):
    """This submission of a form was saved before (its token is taken, sql/032): nothing was written now."""


def error_summary(exc: BaseException) -> str:
    """What a log may say about an error: its class and SQLSTATE, never its message. PostgreSQL writes row values
    into messages and DETAIL lines ("Failing row contains (... name ...)"), which are personal data."""
    state = getattr(exc, "sqlstate", None)
    return type(exc).__name__ + (f" (SQLSTATE {state})" if state else "")
