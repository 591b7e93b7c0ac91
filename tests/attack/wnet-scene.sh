# wnet-scene.sh: sourced by the network-drive attacks (tests/attack/attack-mount-*).
#
# scene_setup (as root) makes a scratch directory $S and puts a stand-in
# mount.cifs in front of the real one: an overlay on /usr/sbin inside the
# attack's own mount namespace, which nothing outside it sees.  ppprasd
# runs `mount -t cifs`, and mount(8) finds mount.cifs in /sbin as always:
# the daemon has no switch for another helper, so no caller can point it
# at one.  The stand-in records each call in $S/helper.log and mounts a
# tmpfs named "standin//SERVER/SHARE" the way mount.cifs does (chdir into
# the mount point, mount on "."); a share whose name starts with "silent"
# is a server that never answers.
#
# run_inner DAEMON_ARGS: runs this attack again with "--inner" under
# tests/with-private-bus, its daemon started with DAEMON_ARGS.
# hostile CMD...: CMD as uid 65534 with no groups; other_user CMD...: as
# another unprivileged user the system knows (dbus-daemon refuses uids
# without a passwd entry): daemon's.
# Tools: $call (wnet-call), $swap (swap-loop).

set -u
top=${PPPRAS_TOP:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)}
build=${PPPRAS_BUILD:-$top/build}
tools=${PPPRAS_ATTACK_TOOLS:-$build/tests/attack}
call=$tools/wnet-call
swap=$tools/swap-loop

# Through tests/as-nobody: a clone under /root is closed to these users.
hostile() { "$top/tests/as-nobody" --uid=65534 "$@"; }
other_uid=$(id -u daemon 2>/dev/null || echo 1)
other_user() { "$top/tests/as-nobody" --uid="$other_uid" "$@"; }

# Whether a mount sits exactly on directory $1 (mountinfo's fifth field).
mounted_on() { awk -v d="$1" '$5 == d { found = 1 } END { exit !found }' /proc/self/mountinfo; }

# MountGroup= empty where the daemon knows it (a daemon without the
# option has no gate at all).
open_mount_group() {
    if "$build/ppprasd" --help 2>/dev/null | grep -q -- --mount-group; then echo "--mount-group="; fi
}

scene_setup() {
    [ "$(id -u)" = 0 ] || exit 77
    for t in "$call" "$swap" "$build/ppprasd"; do
        [ -x "$t" ] || { echo "$0: $t missing: run make" >&2; exit 77; }
    done
    # never overlay the machine's /usr/sbin: only inside a private namespace
    if [ "$(readlink /proc/self/ns/mnt)" = "$(readlink /proc/1/ns/mnt)" ]; then
        exec unshare --mount --propagation private "$0" "$@"
    fi
    S=$(mktemp -d /tmp/pppras-attack.XXXXXX) || exit 77
    chmod 0755 "$S"
    export S
    mkdir "$S/sbin"
    cat >"$S/sbin/mount.cifs" <<STANDIN
#!/bin/sh
# stand-in mount.cifs: SOURCE MOUNTPOINT -o OPTIONS
echo "\$(id -u) \$1 \$2" >>"$S/helper.log"
case \$1 in
*/silent*) exec sleep 300 ;;
esac
cd "\$2" || exit 32
exec /usr/bin/mount -t tmpfs -o size=64k "standin\$1" .
STANDIN
    chmod 0755 "$S/sbin/mount.cifs"
    : >"$S/helper.log"
    chmod 0666 "$S/helper.log"
    mount -t overlay overlay -o "lowerdir=$S/sbin:/usr/sbin" /usr/sbin || exit 77
    trap 'umount -l /usr/sbin 2>/dev/null; rm -rf "$S" 2>/dev/null' EXIT
}

run_inner() {
    PPPRAS_DAEMON_ARGS="$1" "$top/tests/with-private-bus" "$0" --inner
}

helper_calls() { grep -c -- "$1" "$S/helper.log"; }
