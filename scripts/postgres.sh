# Sourced by scripts/test.sh: start_postgres starts a throwaway PostgreSQL cluster on
# 127.0.0.1 and exports CHITIEU_TEST_POSTGRES_URL; it is stopped and removed on exit.
pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  dirname "$(command -v initdb)"
}

start_postgres() {
  local bin dir port
  bin=$(pg_bin)
  dir=$(mktemp -d /tmp/chitieu-pg.XXXXXX)
  # A free port unless one is asked for: a developer may already run a cluster on 55432.
  port=${CHITIEU_PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
  chmod 755 "$dir"
  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$dir"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bin/initdb" -D "$dir/data" -A trust -E UTF8 --locale=C.UTF-8 -U postgres >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" -w start >/dev/null
  PG_DIR="$dir"; PG_BIN="$bin"
  trap 'stop_postgres' EXIT
  "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE DATABASE chitieu" >/dev/null
  export CHITIEU_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/chitieu"
  echo "==> PostgreSQL chạy tại 127.0.0.1:$port"
}

stop_postgres() {
  [ -n "${PG_DIR:-}" ] || return 0
  local as=()
  [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
  "${as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}
