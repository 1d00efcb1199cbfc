# Sourced by scripts/run, scripts/test and scripts/bench: make .venv and install the project into it.
# It defines `ensure_venv [EXTRAS]` and reads no arguments itself: bash's `source` without
# arguments hands the caller's "$@" to the sourced file, so `scripts/run doctor` must not be read
# as an extra called "doctor". Re-installs only when pyproject.toml changed since the last install.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

# True when an install with these extras (or, for none, with any extras) is newer than pyproject.
_venv_installed() {
    local extras="${1:-}" stamp
    local stamps=("$VENV/.installed${extras:+-$extras}")
    if [ -z "$extras" ]; then
        stamps+=("$VENV"/.installed-*)  # an install with extras installed the project too
    fi
    for stamp in "${stamps[@]}"; do
        if [ -f "$stamp" ] && [ ! "$ROOT/pyproject.toml" -nt "$stamp" ]; then
            return 0
        fi
    done
    return 1
}

# Say what the set-up is doing, in plain words, on stderr (stdout stays the app's).
_say() {
    echo "$*" >&2
}

ensure_venv() {
    local extras="${1:-}" started=$SECONDS setting_up=""
    if [ ! -x "$VENV/bin/python" ]; then
        setting_up=1
        if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            _say "homework-tui needs Python 3.11 or newer as python3; this computer has" \
                "$(python3 --version 2>&1 || echo 'no python3')."
            exit 1
        fi
        _say "Setting up homework-tui for the first time (about a minute): a private Python"
        _say "environment in $VENV, then the packages it needs. Later starts skip this."
        if ! python3 -m venv "$VENV"; then
            rm -rf "$VENV"
            _say "Could not make the Python environment (above). On Debian or Ubuntu:"
            _say "sudo apt-get install python3-venv, then run this again."
            exit 1
        fi
    fi
    if ! _venv_installed "$extras"; then
        if [ -z "$setting_up" ]; then
            setting_up=1
            if [ -n "$extras" ] && _venv_installed; then
                _say "Adding the $extras tools to $VENV (once, about a minute)…"
            else
                _say "Updating homework-tui's packages in $VENV (pyproject.toml changed)…"
            fi
        fi
        # pip's own lines and progress show what is happening (each package as it comes).
        if ! "$VENV/bin/python" -m pip install --disable-pip-version-check \
            --config-settings editable_mode=compat -e "$ROOT${extras:+[$extras]}" >&2; then
            _say "Setting up did not finish (pip's message is above); nothing was started."
            _say "Run this again once that is fixed: what was installed is kept."
            exit 1
        fi
        touch "$VENV/.installed${extras:+-$extras}"
    fi
    export PATH="$VENV/bin:$PATH"
    # Keep our own bytecode fresh even where PYTHONDONTWRITEBYTECODE is set: start-up stays fast.
    "$VENV/bin/python" -m compileall -q "$ROOT/homework_tui" "$ROOT/audio" >/dev/null 2>&1 || true
    if [ -n "$setting_up" ]; then
        _say "Ready: set up in $((SECONDS - started)) s."
    fi
}
