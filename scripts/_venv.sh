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

ensure_venv() {
    local extras="${1:-}"
    if [ ! -x "$VENV/bin/python" ]; then
        echo "Setting up homework-tui in $VENV (first run only)…" >&2
        python3 -m venv "$VENV"
    fi
    if ! _venv_installed "$extras"; then
        "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
            --config-settings editable_mode=compat -e "$ROOT${extras:+[$extras]}" >&2
        touch "$VENV/.installed${extras:+-$extras}"
    fi
    export PATH="$VENV/bin:$PATH"
    # Keep our own bytecode fresh even where PYTHONDONTWRITEBYTECODE is set: start-up stays fast.
    "$VENV/bin/python" -m compileall -q "$ROOT/homework_tui" "$ROOT/audio" >/dev/null 2>&1 || true
}
