"""The one error type a user can cause: the CLI prints its message as a single sentence, never a traceback."""


class UserError(Exception):
    """A problem the user can fix; ``str(error)`` is one plain sentence."""
