"""The interface's languages: gettext catalogues (managed with Babel) for English, Spanish,
German, French, Portuguese and Italian, chosen once per process and switchable at run time.

Every string a person reads is written in English in the code and looked up *when it is shown*:

    from homework_tui.i18n import _, N_, ngettext

    label = _("Save")                                   # inside a function: looked up now
    TITLE = N_("Thought records")                       # at module level: marked only...
    self.title = _(TITLE)                               # ...and looked up where it is shown
    ngettext("{n} minute", "{n} minutes", n).format(n=n)

Standard library and Babel only, so the model may use it too (its validation messages are read).
"""

from homework_tui.i18n.formats import (
    day_and_date,
    day_month_year,
    decimal,
    short_day,
    weekday_name,
)
from homework_tui.i18n.language import (
    LANGUAGES,
    PSEUDO,
    current_language,
    in_language,
    language_from_environment,
    language_name,
    use_language,
)
from homework_tui.i18n.translate import N_, _, ngettext, npgettext, pgettext

__all__ = [
    "LANGUAGES",
    "N_",
    "PSEUDO",
    "_",
    "current_language",
    "day_and_date",
    "day_month_year",
    "decimal",
    "in_language",
    "language_from_environment",
    "language_name",
    "ngettext",
    "npgettext",
    "pgettext",
    "short_day",
    "use_language",
    "weekday_name",
]
