# Sourced by the bench scripts: install_missing TOOL... installs the Debian packages of the tools
# that are not on the PATH (the package is named as the tool; /usr/bin/time is the package
# `time`), with apt-get, as root or through sudo; without apt-get it says what is missing and exits.
install_missing() {
    local need=() tool
    for tool in "$@"; do
        case $tool in
            time) [ -x /usr/bin/time ] || need+=(time) ;;
            *) command -v "$tool" >/dev/null || need+=("$tool") ;;
        esac
    done
    [ ${#need[@]} -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null; then
        echo "$(basename "$0") needs: ${need[*]}" >&2; exit 1
    fi
    local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    echo "Installing ${need[*]}..." >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
}

# make_workdir: sets WORK to a new temporary folder, on the /dev/shm tmpfs when there is one (so
# that disk speed is not in the numbers), and STORAGE to a description of where it is; and DISK to
# a new folder under /var/tmp (on the machine's disk), for the rows that write to a disk, and
# DISK_STORAGE to its file system. Both are removed on exit unless BENCH_KEEP=1.
# The command that makes the next build into output folder $1 cold: removes the folder and the
# manifest sitrep keeps beside it (.NAME.sitrep-manifest), which a build would otherwise read
# (the series' dates from the last build: about 1.5 per cent of a cold build at N = 1,000).
cold() {
    case $1 in /?*/?*) ;; *) echo "cold: '$1' is not a folder inside a temporary folder" >&2; return 1 ;; esac
    # Quoted for the shell hyperfine runs it in, so that a space cannot split a path in two.
    printf 'rm -rf -- %q %q' "$1" "$(dirname "$1")/.$(basename "$1").sitrep-manifest"
}

make_workdir() {
    if [ -d /dev/shm ] && [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ] && [ -w /dev/shm ]; then
        WORK=$(mktemp -d /dev/shm/sitrep-bench.XXXXXX)
        STORAGE="tmpfs (/dev/shm)"
    else
        WORK=$(mktemp -d)
        STORAGE="$(stat -f -c %T "$WORK") ($(dirname "$WORK"), not tmpfs: disk speed is in the numbers)"
    fi
    DISK=$(mktemp -d /var/tmp/sitrep-bench-disk.XXXXXX)
    DISK_STORAGE="$(stat -f -c %T "$DISK") (/var/tmp)"
    trap 'remove_workdirs' EXIT
}

# remove_workdirs: removes WORK and DISK (only folders that make_workdir made), unless BENCH_KEEP=1.
remove_workdirs() {
    local dir
    for dir in "${WORK:-}" "${DISK:-}"; do
        case $dir in
            /dev/shm/sitrep-bench.*|/tmp/tmp.*|"${TMPDIR:-/tmp}"/tmp.*|/var/tmp/sitrep-bench-disk.*) ;;
            *) continue ;;
        esac
        if [ -n "${BENCH_KEEP:-}" ]; then echo "kept $dir" >&2; else rm -rf -- "$dir"; fi
    done
}
