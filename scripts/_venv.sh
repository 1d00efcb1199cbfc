# Sourced by scripts/run, scripts/test and scripts/bench: make .venv and install the project into it.
# Re-installs only when pyproject.toml changed since the last install.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
EXTRAS="${1:-}"
if [ ! -x "$VENV/bin/python" ]; then
    echo "Setting up homework-tui in $VENV (first run only)…" >&2
    python3 -m venv "$VENV"
fi
STAMP="$VENV/.installed${EXTRAS:+-$EXTRAS}"
if [ ! -f "$STAMP" ] || [ "$ROOT/pyproject.toml" -nt "$STAMP" ]; then
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --config-settings editable_mode=compat -e "$ROOT${EXTRAS:+[$EXTRAS]}" >&2
    touch "$STAMP"
fi
export PATH="$VENV/bin:$PATH"
# Keep our own bytecode fresh even where PYTHONDONTWRITEBYTECODE is set: start-up stays fast.
"$VENV/bin/python" -m compileall -q "$ROOT/homework_tui" "$ROOT/audio" >/dev/null 2>&1 || true
