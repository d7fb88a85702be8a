# shellcheck shell=bash
# Sourced by get-nvim.sh and get-lua-debs.sh: a private apt state that downloads .debs from the
# Debian mirror this machine's apt already uses, without touching the system's apt sources,
# lists, status or locks, and without root-wide changes. apt verifies the signed index and the
# hash of every .deb. The system's /etc/apt/apt.conf.d (proxy, Check-Valid-Until) still applies.
#
#   papt_init DIR         private state under DIR (lists, cache, sources)
#   papt_suite SUITE      point it at one suite (main) of the mirror and `apt-get update`
#   papt ARGS...          apt-get with the private state;  papt_cache ARGS...: apt-cache
#   papt_fetch DIR DEBDIR pkg=ver...   download into DEBDIR, dpkg-deb -x into DIR
#   ensure_patchelf DIR   sets PATCHELF: $PATCHELF, else patchelf on PATH, else bookworm's
#                         patchelf .deb extracted into DIR (needs a papt_init first;
#                         may switch the private state to the system's suite)
#
# Environment: DEB_MIRROR (default: first non-security .../debian URI in apt's sources)

# lock_dest DIR: one installer per DIR at a time (two `make` runs in one tree share .deps/);
# held until the script exits
lock_dest() {
  exec 8>"$1/.lock"
  flock -w 900 8 || { plog "timed out waiting for another install into $1"; exit 1; }
}

plog() { printf '%s: %s\n' "${PLOG_NAME:-private-apt}" "$*" >&2; }

# read from the sources files (apt-get indextargets only knows repos whose lists exist)
deb_mirror() {
  { cat /etc/apt/sources.list.d/*.sources 2>/dev/null | sed -n 's/^URIs:[[:space:]]*//p' | tr ' ' '\n'
    cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
      | sed -n 's/^[[:space:]]*deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]\+\).*/\2/p'
  } | grep -E '^https?://.*/debian/?$' | head -1 || true
}

# the machine's own Debian suite (bookworm here)
system_suite() { . /etc/os-release && echo "${VERSION_CODENAME:?no VERSION_CODENAME in /etc/os-release}"; }

papt_init() {
  PAPT_DIR=$1
  MIRROR=${DEB_MIRROR:-${NVIM_DEB_MIRROR:-$(deb_mirror)}}
  [ -n "$MIRROR" ] || { plog "no Debian mirror in apt's sources; set DEB_MIRROR"; exit 1; }
  ARCH=$(dpkg --print-architecture)
  case "$ARCH" in
    amd64) TRIPLET=x86_64-linux-gnu; LDSO=ld-linux-x86-64.so.2 ;;
    arm64) TRIPLET=aarch64-linux-gnu; LDSO=ld-linux-aarch64.so.1 ;;
    *) plog "unsupported architecture $ARCH"; exit 2 ;;
  esac
  mkdir -p "$PAPT_DIR/lists/partial" "$PAPT_DIR/cache/archives/partial" "$PAPT_DIR/sources"
  PAPT_OPTS=(
    -o Dir::Etc::sourcelist=/dev/null
    -o "Dir::Etc::sourceparts=$PAPT_DIR/sources"
    -o "Dir::State::Lists=$PAPT_DIR/lists"
    -o "Dir::Cache=$PAPT_DIR/cache"
    -o Dir::Etc::preferences=/dev/null -o Dir::Etc::preferencesparts=/dev/null
    -o Acquire::Languages=none
    -o APT::Sandbox::User=root            # DIR may not be readable by _apt
  )
}

papt_suite() {
  printf 'Types: deb\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "$MIRROR" "$1" > "$PAPT_DIR/sources/private.sources"
  rm -rf "$PAPT_DIR/lists"; mkdir -p "$PAPT_DIR/lists/partial"
  plog "apt-get update ($1)"
  apt-get "${PAPT_OPTS[@]}" update -qq >&2
  PAPT_SUITE=$1
}

papt() { apt-get "${PAPT_OPTS[@]}" "$@"; }
papt_cache() { apt-cache "${PAPT_OPTS[@]}" "$@"; }

# papt_fetch ROOT DEBDIR pkg=ver ...
papt_fetch() {
  local root=$1 debs=$2 p n v f; shift 2
  mkdir -p "$root" "$debs"
  ( cd "$debs" && apt-get "${PAPT_OPTS[@]}" download -qq "$@" >&2 )
  for p in "$@"; do
    n=${p%%=*}; v=${p#*=}; v=${v//:/%3a}
    f=$(ls "$debs/${n}_${v}_"*.deb)
    dpkg-deb -x "$f" "$root"
  done
}

# "pkg=ver" lines of the packages `apt-get install` would install, given the dpkg status file $1
# (/dev/null = pretend nothing is installed: the full closure)
papt_closure() {
  local status=$1; shift
  apt-get "${PAPT_OPTS[@]}" -o "Dir::State::status=$status" install -s --no-install-recommends "$@" \
    | awk '/^Inst /{v=$3; gsub(/[()]/,"",v); print $2 "=" v}'
}

ensure_patchelf() {
  local dir=$1
  if [ -n "${PATCHELF:-}" ] && [ -x "$PATCHELF" ]; then return 0; fi
  if command -v patchelf >/dev/null 2>&1; then PATCHELF=$(command -v patchelf); return 0; fi
  if [ -x "$dir/usr/bin/patchelf" ]; then PATCHELF=$dir/usr/bin/patchelf; return 0; fi
  local sys; sys=$(system_suite)
  [ "${PAPT_SUITE:-}" = "$sys" ] || papt_suite "$sys"   # leaves the private state on $sys
  plog "fetching patchelf from $sys"
  mapfile -t _pe < <(papt_cache policy patchelf | awk '/Candidate:/{print "patchelf=" $2}')
  papt_fetch "$dir" "$dir/debs" "${_pe[@]}"
  PATCHELF=$dir/usr/bin/patchelf
}
