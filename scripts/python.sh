# Sourced by the other scripts: finds a Python >= 3.12 and makes .venv with it.
# Django 6 and the pinned vietnam-provinces need 3.12+; a machine may have it as python3,
# python3.13/python3.12 on PATH, or only under pyenv (where the bare shim fails without
# PYENV_VERSION), so look in all three places.
find_python() {
  local c
  for c in python3 python3.14 python3.13 python3.12; do
    if command -v "$c" >/dev/null 2>&1 && "$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      command -v "$c"; return 0
    fi
  done
  local root="${PYENV_ROOT:-$HOME/.pyenv}"
  for c in $(ls -d "$root"/versions/3.1[2-9]* 2>/dev/null | sort -V -r); do
    if [ -x "$c/bin/python" ] && "$c/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      echo "$c/bin/python"; return 0
    fi
  done
  return 1
}

# ensure_venv EXTRAS: create .venv if needed and install the project with those extras.
ensure_venv() {
  local extras="$1"
  if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
    local py
    py=$(find_python) || { echo "Cần Python >= 3.12 (Python 3.12 or newer is required)" >&2; exit 1; }
    echo "==> Tạo môi trường ảo .venv với $py"
    rm -rf .venv
    "$py" -m venv .venv
    .venv/bin/python -m pip install -q --upgrade pip
  fi
  echo "==> Cài đặt chitieu[$extras]"
  .venv/bin/python -m pip install -q -e ".[$extras]"
}
