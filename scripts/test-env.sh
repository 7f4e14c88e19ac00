# Sourced by scripts/test.sh and scripts/test-asan.sh: what a test run needs around ctest.
# run_suite 'CTEST COMMAND' runs it with offscreen Qt, a private HOME (the keychain,
# settings and app-data folders tests touch are their own and start empty), a throwaway
# PostgreSQL cluster (pg_virtualenv exports PGHOST/PGPORT/…) and a D-Bus session with an
# unlocked gnome-keyring for the secret-store test.
export QT_QPA_PLATFORM=offscreen
TAGDESK_TEST_HOME=$(mktemp -d)
export HOME="$TAGDESK_TEST_HOME" XDG_DATA_HOME="$TAGDESK_TEST_HOME/data" \
       XDG_CONFIG_HOME="$TAGDESK_TEST_HOME/config" XDG_CACHE_HOME="$TAGDESK_TEST_HOME/cache"
mkdir -p "$HOME/.cache" "$XDG_DATA_HOME"
trap 'rm -rf "$TAGDESK_TEST_HOME"' EXIT

run_suite() {
  pg_virtualenv -t -- dbus-run-session -- sh -c \
    "echo -n tagdesk-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && $1"
}
