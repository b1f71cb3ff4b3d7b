"""Passwords people choose: at least 10 characters, and not easy to guess.

"Easy to guess" is zxcvbn's estimate (the zxcvbn package, a port of Dropbox's
estimator): it matches the password against the 30,000 most common passwords of a
leaked-password corpus it ships as data, English words, names and surnames, keyboard
patterns, sequences, repeats, dates and l33t substitutions, and against the person's own
e-mail address and name, all offline. A score below 3 ("safely unguessable" starts at
about 10^8 guesses) is refused, with zxcvbn's warning and suggestions, so
``1234567890``, ``password123`` or ``qwertyuiop`` never become passwords while a long
phrase such as ``correct horse battery staple`` does.
"""

from __future__ import annotations

from zxcvbn import zxcvbn

from ecotrack.core.errors import UnprocessableContent

MIN_SCORE = 3
# zxcvbn refuses longer input (its matching grows quadratically); a password's first 72
# characters decide, as they do for bcrypt elsewhere.
CHECKED_LENGTH = 72
_CONTEXT = ("ecotrack", "carbon", "emissions")


def check(password: str, *, email: str, name: str) -> None:
    """Raise a 422 problem, with zxcvbn's feedback, if ``password`` is easy to guess."""
    local_part = email.split("@", 1)[0]
    result = zxcvbn(
        password[:CHECKED_LENGTH], user_inputs=[email, local_part, name, *name.split(), *_CONTEXT]
    )
    if result["score"] >= MIN_SCORE:
        return
    feedback = result["feedback"]
    warning = feedback["warning"] or "This password is easy to guess."
    raise UnprocessableContent(
        f"choose a password that is harder to guess: {warning}",
        errors=[{"location": ["body", "password"], "message": warning, "type": "weak_password"}],
        suggestions=list(feedback["suggestions"]),
    )
