"""argparse's own words (its usage line, section titles and error messages), marked here so the
commands catalogue holds them. `cli.build_parser` points argparse's `_` and `ngettext` at
`homework_tui.i18n`, so argparse looks each one up, by these exact msgids, when it shows it.

They keep argparse's %-formatting: a translation keeps every %s, %r and %(name)s as it is."""

from homework_tui.i18n import N_

ARGPARSE_MESSAGES = (
    # Translators: the start of the usage line, before the command's name; keep the space.
    N_("usage: "),
    # Translators: a section title in a command's help.
    N_("positional arguments"),
    # Translators: a section title in a command's help.
    N_("options"),
    N_("show this help message and exit"),
    # Translators: argparse's own error line; keep "%(prog)s: " first and the newline at the end.
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    # Translators: %(type)s is a Python type's name (int, float): keep it as it is.
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)


def expected_arguments(count: int) -> str:
    """argparse's plural message (it calls `ngettext` with these msgids), marked here."""
    from homework_tui.i18n import ngettext

    return ngettext("expected %s argument", "expected %s arguments", count) % count
