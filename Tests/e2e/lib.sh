# Helpers shared by the end-to-end scripts: source it, then set `socket` and `session` before using the
# tmux ones. `check` records a check's outcome; a script may define `on_failure` to print what it saw.
# shellcheck shell=bash

passed=0
failed=0

# headless_setup SCRIPT ARGUMENTS...: for a script whose one argument is the rlterm binary; exits with its usage
# unless that is an executable, then sets `rlterm` to its absolute path and `work` to a scratch directory that
# is removed on exit.
headless_setup() {
    local script=$1
    shift
    if [[ $# -ne 1 || ! -x "$1" ]]; then
        echo "usage: $script PATH/TO/rlterm" >&2
        exit 64
    fi
    rlterm=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
}

# check NAME COMMAND...: records COMMAND's success as a passed or failed check.
check() {
    local name=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
        echo "ok   $name"
    else
        failed=$((failed + 1))
        echo "FAIL $name"
        if declare -F on_failure > /dev/null; then on_failure | sed 's/^/     | /'; fi
    fi
}

# binary_argument "$@": sets `rlterm` to the absolute path of the script's one argument, an executable, or
# prints the usage and exits 64.
binary_argument() {
    if [[ $# -ne 1 || ! -x "$1" ]]; then
        echo "usage: $0 PATH/TO/rlterm" >&2
        exit 64
    fi
    rlterm=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
}

# wait_for SECONDS COMMAND...: polls COMMAND every 0.1 s until it succeeds or time runs out.
wait_for() {
    local deadline=$((SECONDS + $1))
    shift
    until "$@"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.1
    done
}

# finish: the summary line, and the exit status (non-zero when anything failed).
finish() {
    echo "$passed passed, $failed failed"
    ((failed == 0))
}

# A private tmux server, so a test neither sees nor disturbs anyone else's sessions.
tmux_() { tmux -L "$socket" "$@"; }
screen() { tmux_ capture-pane -p -t "$session"; }
status_line() { screen | head -n 1; }
screen_has() { screen | grep -qF -- "$1"; }
screen_lacks() { ! screen | grep -qF -- "$1"; }
screen_has_line() { screen | grep -qx -- "$1"; }
status_has() { status_line | grep -qF -- "$1"; }
step_count() { status_line | sed -n 's/.*step \([0-9,][0-9,]*\).*/\1/p' | tr -d ,; }
step_is() { [[ "$(step_count)" == "$1" ]]; }
# The panels every algorithm has (the values panel's title depends on the agent).
common_panels_shown() {
    local title
    for title in "Environment" "Episode return" "Hyperparameters"; do
        screen_has "$title" || return 1
    done
}
# advancing: the status line's step count grows within a second.
advancing() {
    local first second
    first=$(step_count)
    sleep 1
    second=$(step_count)
    [[ -n "$first" && -n "$second" && "$second" -gt "$first" ]]
}
terminal_restored() {
    [[ "$(tmux_ display-message -p -t "$session" '#{alternate_on}')" == 0 ]] &&
        [[ "$(tmux_ display-message -p -t "$session" '#{cursor_flag}')" == 1 ]]
}

# tmux_fresh_session WIDTH HEIGHT [new-session arguments...]: a new session in place of the current one. The
# new session is made before the old one is killed: killing a server's last session makes it exit, and a
# new-session that reaches the socket while it is exiting fails with "server exited unexpectedly".
tmux_fresh_session() {
    local previous=$session width=$1 height=$2
    shift 2
    session="$session_base-$((++session_count))"
    tmux_ -f /dev/null new-session -d -s "$session" -x "$width" -y "$height" "$@"
    tmux_ set-option -t "$session" status off
    # "=" asks for that exact name: tmux would otherwise take "watch" to mean the new "watch-1".
    if [[ -n "$previous" ]]; then tmux_ kill-session -t "=$previous" 2>/dev/null || true; fi
}

# tmux_setup NAME SESSION: a private tmux server (socket rlterm-NAME-PID) and a scratch directory `work`,
# both removed when the script exits.
tmux_setup() {
    socket="rlterm-$1-$$"
    session=$2
    session_base=$2
    session_count=0
    work=$(mktemp -d)
    trap 'tmux_ kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
}

# require_binary "$@": the one argument a script takes, the rlterm binary, as an absolute path in `binary`;
# exits 64 with the usage line when it is missing or not executable.
require_binary() {
    if [[ $# -ne 1 || ! -x "$1" ]]; then
        echo "usage: $0 PATH/TO/rlterm" >&2
        exit 64
    fi
    binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
}
