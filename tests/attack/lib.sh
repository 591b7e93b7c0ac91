# shellcheck shell=bash
# Shared by the attack-* scripts (sourced, not run): where things are, how
# to act as the hostile user, and a phonebook whose entry the bus tests'
# fake pppd connects.
top=${PPPRAS_TOP:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)}
build=${PPPRAS_BUILD:-$top/build}
helpers=$build/tests/attack
nobody=65534

# as_nobody CMD...: the hostile part, with no groups at all.  Through
# tests/as-nobody, which runs copies of the tree's files when the tree is
# closed to that user (a clone under /root); as_user UID CMD... likewise.
as_nobody() {
    "$top/tests/as-nobody" --uid=$nobody "$@"
}
as_user() {
    "$top/tests/as-nobody" --uid="$1" "${@:2}"
}

# need PROGRAM...: 77 (cannot run here) when a helper is missing.
need() {
    local p
    for p in "$@"; do
        [ -x "$helpers/$p" ] || [ -x "$build/$p" ] || { echo "missing $p: run make" >&2; exit 77; }
    done
    command -v setpriv >/dev/null || { echo "setpriv is missing" >&2; exit 77; }
}

# scene_dir: a scratch directory everyone may traverse; removed on exit.
scene_dir() {
    scene=$(mktemp -d "${TMPDIR:-/tmp}/pppras-attack.XXXXXX") || exit 2
    chmod 0755 "$scene"
    trap 'rm -rf "$scene"' EXIT
}

# fake_phonebook: $scene/peers/attack makes the fake pppd connect; the
# daemon is told to use both (PPPRAS_DAEMON_ARGS for with-private-bus).
fake_phonebook() {
    mkdir -p "$scene/peers"
    echo connect >"$scene/peers/attack"
    export PPPRAS_DAEMON_ARGS="--pppd=$build/tests/fake-pppd --phonebook=$scene/peers ${PPPRAS_DAEMON_ARGS:-}"
}
